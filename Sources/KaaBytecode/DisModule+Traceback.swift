/// The traceback `python3 -m dis FILE.py` prints when compile() raises (a SyntaxError): fixed frames of CPython
/// 3.11.7's runpy and Lib/dis.py (their line numbers and source lines), then the exception as the compiler formats it.
/// Like ASTModule.Traceback, the path is where this machine's CPython 3.11.7 keeps dis.py: python3 names it.
/// (CPython: Python/traceback.c tb_print_internal, tb_displayline)
extension DisModule {
    static let disPath = "/root/.pyenv/versions/3.11.7/lib/python3.11/dis.py"

    static let compileTraceback = """
        Traceback (most recent call last):
          File "<frozen runpy>", line 198, in _run_module_as_main
          File "<frozen runpy>", line 88, in _run_code
          File "\(disPath)", line 774, in <module>
            main()
          File "\(disPath)", line 770, in main
            code = compile(source, args.infile.name, "exec")
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

        """
}
