namespace System.IO
{
    // The BCL's I/O exceptions, thrown by File.
    public class IOException : SystemException
    {
        public IOException(string message) : base(message) { }
    }

    public class FileNotFoundException : IOException
    {
        public FileNotFoundException(string message) : base(message) { }
    }
}
