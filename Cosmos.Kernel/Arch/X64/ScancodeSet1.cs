namespace Cosmos.Kernel.Arch.X64
{
    // Turns a PS/2 keyboard's scancodes (set 1, what the i8042 delivers with translation on, as the BIOS leaves it)
    // into ASCII for the console: letters, digits, punctuation, space, tab, enter, backspace and escape, with shift
    // (either key) and caps lock. Extended (0xE0) keys and key releases give nothing. Hardware-free.
    public sealed class ScancodeSet1
    {
        const byte Release = 0x80, Extended = 0xE0;
        const byte LeftShift = 0x2A, RightShift = 0x36, CapsLock = 0x3A;

        // Indexed by make code; '\0' for keys that type nothing.
        const string Plain = "\0\x1b" + "1234567890-=\b\tqwertyuiop[]\r\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
        const string Shifted = "\0\x1b" + "!@#$%^&*()_+\b\tQWERTYUIOP{}\r\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

        bool _leftShift, _rightShift, _capsLock, _extended;

        // The character the scancode types, or '\0'.
        public char Translate(byte scancode)
        {
            if (scancode == Extended)
            {
                _extended = true;
                return '\0';
            }
            bool extended = _extended;
            _extended = false;
            bool released = (scancode & Release) != 0;
            byte key = (byte)(scancode & ~Release);
            if (extended) return '\0';
            if (key == LeftShift) _leftShift = !released;
            else if (key == RightShift) _rightShift = !released;
            else if (key == CapsLock && !released) _capsLock = !_capsLock;
            if (released || key >= Plain.Length) return '\0';
            bool shift = _leftShift || _rightShift;
            char plain = Plain[key];
            if (plain >= 'a' && plain <= 'z' && _capsLock) shift = !shift;
            return shift ? Shifted[key] : plain;
        }
    }
}
