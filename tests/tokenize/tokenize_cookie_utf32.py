# coding: utf_32 
