#!/usr/bin/env python
# coding: uft-8
x = 1
