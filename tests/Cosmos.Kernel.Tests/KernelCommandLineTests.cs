using Cosmos.Kernel.Boot;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests
{
    public class KernelCommandLineTests
    {
        [Test]
        public void FlagsAreWholeWords()
        {
            var commandLine = new KernelCommandLine("  test   verbose ");
            Assert.That(commandLine.HasFlag("test"), Is.True);
            Assert.That(commandLine.HasFlag("verbose"), Is.True);
            Assert.That(commandLine.HasFlag("tes"), Is.False);
            Assert.That(commandLine.HasFlag(""), Is.False);
        }

        [Test]
        public void ValuesComeFromNameEqualsValueWords()
        {
            var commandLine = new KernelCommandLine("test fault=pagefault faults=2");
            Assert.That(commandLine.GetValue("fault"), Is.EqualTo("pagefault"));
            Assert.That(commandLine.GetValue("faults"), Is.EqualTo("2"));
            Assert.That(commandLine.GetValue("test"), Is.Null);
            Assert.That(commandLine.HasFlag("fault"), Is.False);
        }

        [Test]
        public void TheLastValueWins()
        {
            Assert.That(new KernelCommandLine("a=1 a=2").GetValue("a"), Is.EqualTo("2"));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        public void AnEmptyCommandLineHasNothing(string text)
        {
            var commandLine = new KernelCommandLine(text);
            Assert.That(commandLine.HasFlag("test"), Is.False);
            Assert.That(commandLine.GetValue("fault"), Is.Null);
        }

        [Test]
        public void AnEmptyValueIsNotAbsent()
        {
            Assert.That(new KernelCommandLine("root=").GetValue("root"), Is.EqualTo(""));
            Assert.That(new KernelCommandLine("root=x").GetValue("root"), Is.EqualTo("x"));
        }
    }
}
