namespace System
{
    // The BCL's formatting contracts. The corelib formats invariantly: providers are accepted and ignored.
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }

    // Formats into a caller's buffer: how interpolation and StringBuilder append numbers without temporary strings.
    public interface ISpanFormattable : IFormattable
    {
        bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider provider);
    }
}
