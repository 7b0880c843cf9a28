using System.Linq;
using Cosmos.Kernel.Arch.X64;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64
{
    [TestFixture]
    public class ScancodeSet1Tests
    {
        static string Type(params byte[] scancodes)
        {
            var keyboard = new ScancodeSet1();
            return new string(scancodes.Select(keyboard.Translate).Where(c => c != '\0').ToArray());
        }

        [Test]
        public void KeysTypeOnPressNotOnRelease()
        {
            // e c h o space, each pressed and released, then enter
            Assert.That(Type(0x12, 0x92, 0x2E, 0xAE, 0x23, 0xA3, 0x18, 0x98, 0x39, 0xB9, 0x1C, 0x9C), Is.EqualTo("echo \r"));
        }

        [Test]
        public void EitherShiftWhileHeldGivesTheUpperCharacters()
        {
            Assert.That(Type(0x2A, 0x1E, 0x02, 0xAA, 0x1E), Is.EqualTo("A!a"));
            Assert.That(Type(0x36, 0x0C, 0x28, 0x35, 0xB6, 0x35), Is.EqualTo("_\"?/"));
        }

        [Test]
        public void CapsLockShiftsLettersOnlyAndShiftUndoesIt()
        {
            Assert.That(Type(0x3A, 0xBA, 0x1E, 0x02, 0x2A, 0x1E, 0xAA, 0x3A, 0xBA, 0x1E), Is.EqualTo("A1aa"));
        }

        [Test]
        public void ExtendedKeysTypeNothingAndDoNotShift()
        {
            // right control (E0 1D), keypad enter (E0 1C), then an unshifted a
            Assert.That(Type(0xE0, 0x1D, 0xE0, 0x1C, 0xE0, 0x9D, 0x1E), Is.EqualTo("a"));
            Assert.That(Type(0xE0, 0x2A, 0x1E), Is.EqualTo("a"), "E0 2A is a fake shift around print screen");
        }

        [Test]
        public void BackspaceTabAndEscapeAreControlCharacters()
        {
            Assert.That(Type(0x0E, 0x0F, 0x01), Is.EqualTo("\b\t\x1b"));
        }

        [Test]
        public void KeysBeyondTheTableTypeNothing()
        {
            Assert.That(Type(0x3B, 0x58, 0x7F), Is.Empty);             // F1, F12, an unused code
        }
    }
}
