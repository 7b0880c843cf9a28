namespace System.Runtime.CompilerServices
{
    // An object's fields seen as bytes after its MethodTable pointer. ILC needs this type (by name) to compile the
    // unboxing stubs of shared generic structs, which find the value inside a box through it.
    internal class RawData
    {
        public byte Data;
    }
}
