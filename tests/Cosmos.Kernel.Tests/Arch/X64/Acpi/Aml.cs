using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    // Encodes the few AML terms the tests need (ACPI 6.5, chapter 20), as a compiler such as iasl emits them.
    public static class Aml
    {
        public static readonly byte[] Zero = { 0x00 }, One = { 0x01 };

        public static byte[] Byte(byte value) => new byte[] { 0x0A, value };

        // NameOp NameString DataRefObject. The name is "XXXX" or with a root prefix, "\XXXX".
        public static byte[] Name(string name, byte[] value) => Concat(new byte[] { 0x08 }, NameString(name), value);

        // PackageOp PkgLength NumElements PackageElementList.
        public static byte[] Package(params byte[][] elements) =>
            Concat(new byte[] { 0x12 }, WithPkgLength(Concat(new[] { checked((byte)elements.Length) }, Concat(elements))));

        // ScopeOp PkgLength NameString TermList.
        public static byte[] Scope(string name, params byte[][] terms) =>
            Concat(new byte[] { 0x10 }, WithPkgLength(Concat(NameString(name), Concat(terms))));

        // MethodOp PkgLength NameString MethodFlags TermList.
        public static byte[] Method(string name, params byte[][] terms) =>
            Concat(new byte[] { 0x14 }, WithPkgLength(Concat(NameString(name), new byte[] { 0x00 }, Concat(terms))));

        // ReturnOp with a name as its operand: a reference to a named object.
        public static byte[] Return(string name) => Concat(new byte[] { 0xA4 }, NameString(name));

        // The package's contents preceded by its PkgLength, in the shortest of the four encodings that fits: the
        // length counts the PkgLength bytes themselves; one byte holds up to 63, otherwise the lead byte says how many
        // bytes follow (bits 7-6) and holds the low 4 bits, the following bytes the rest.
        public static byte[] WithPkgLength(byte[] contents)
        {
            if (contents.Length + 1 <= 0x3F) return Concat(new[] { (byte)(contents.Length + 1) }, contents);
            for (int extra = 1; extra <= 3; extra++)
            {
                int length = contents.Length + 1 + extra;
                if (length >= 1 << (4 + 8 * extra)) continue;
                var encoded = new byte[1 + extra];
                encoded[0] = (byte)(extra << 6 | (length & 0x0F));
                for (int i = 1; i <= extra; i++) encoded[i] = (byte)(length >> (4 + 8 * (i - 1)));
                return Concat(encoded, contents);
            }
            throw new ArgumentException("too long for a PkgLength");
        }

        // How many bytes the PkgLength of a package with these contents takes.
        public static int PkgLengthSize(int contentsLength) => WithPkgLength(new byte[contentsLength]).Length - contentsLength;

        static byte[] NameString(string name) => Encoding.ASCII.GetBytes(name);

        static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

        static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();
    }
}
