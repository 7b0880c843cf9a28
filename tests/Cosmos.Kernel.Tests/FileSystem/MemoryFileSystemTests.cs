using System;
using System.Collections.Generic;
using System.Text;
using Cosmos.Kernel.FileSystem;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.FileSystem
{
    // Paths, open's flags and errors, stat and directory listings of MemoryFileSystem.
    [TestFixture]
    public class MemoryFileSystemTests
    {
        MemoryFileSystem _fileSystem;

        [SetUp]
        public void Load()
        {
            _fileSystem = new MemoryFileSystem();
            Assert.That(_fileSystem.AddArchive(TarArchive.Of(("bin/sh", "shell"), ("etc/motd", "hello"), ("tmp/", null))), Is.Null);
        }

        OpenFile Open(string path, OpenFlags flags)
        {
            Assert.That(_fileSystem.Open(path, flags, out OpenFile file), Is.EqualTo(Errno.None), path);
            return file;
        }

        Errno OpenError(string path, OpenFlags flags)
        {
            Errno error = _fileSystem.Open(path, flags, out OpenFile file);
            Assert.That(file, error == Errno.None ? Is.Not.Null : Is.Null);
            return error;
        }

        string Text(string path)
        {
            Assert.That(_fileSystem.Contents(path, out ReadOnlySpan<byte> contents), Is.EqualTo(Errno.None));
            return Encoding.ASCII.GetString(contents);
        }

        static void Write(OpenFile file, string text)
        {
            Assert.That(file.Write(Encoding.ASCII.GetBytes(text)), Is.EqualTo(text.Length));
        }

        [TestCase("/bin/sh")]
        [TestCase("//bin///sh")]
        [TestCase("/./bin/./sh")]
        [TestCase("/etc/../bin/sh")]
        [TestCase("/../../bin/sh")]
        public void PathsResolveSlashesDotsAndDotDots(string path)
        {
            var buffer = new byte[16];
            Assert.That(Open(path, OpenFlags.ReadOnly).Read(buffer), Is.EqualTo(5));
            Assert.That(Encoding.ASCII.GetString(buffer, 0, 5), Is.EqualTo("shell"));
        }

        [TestCase("/")]
        [TestCase("/bin/")]
        [TestCase("/bin//")]
        [TestCase("/bin/..")]
        [TestCase("/bin/.")]
        public void DirectoriesOpenForReading(string path)
        {
            Assert.That(Open(path, OpenFlags.ReadOnly).Status.IsDirectory, Is.True);
        }

        [TestCase("/nothing", OpenFlags.ReadOnly, Errno.ENOENT)]
        [TestCase("/nothing/sh", OpenFlags.ReadOnly, Errno.ENOENT)]
        [TestCase("/nothing/new", OpenFlags.WriteOnly | OpenFlags.Create, Errno.ENOENT)]
        [TestCase("", OpenFlags.ReadOnly, Errno.ENOENT)]
        [TestCase("bin/sh", OpenFlags.ReadOnly, Errno.EINVAL)]
        [TestCase("/bin/sh", OpenFlags.AccessMask, Errno.EINVAL)]
        [TestCase("/bin/sh/", OpenFlags.ReadOnly, Errno.ENOTDIR)]
        [TestCase("/bin/sh/x", OpenFlags.ReadOnly, Errno.ENOTDIR)]
        [TestCase("/bin/sh/..", OpenFlags.ReadOnly, Errno.ENOTDIR)]
        [TestCase("/bin", OpenFlags.WriteOnly, Errno.EISDIR)]
        [TestCase("/bin", OpenFlags.ReadWrite, Errno.EISDIR)]
        [TestCase("/bin", OpenFlags.ReadOnly | OpenFlags.Create, Errno.EISDIR)]
        [TestCase("/bin", OpenFlags.ReadOnly | OpenFlags.Truncate, Errno.EISDIR)]
        [TestCase("/tmp/new/", OpenFlags.WriteOnly | OpenFlags.Create, Errno.EISDIR)]
        public void OpenFailsWithLinuxsErrors(string path, OpenFlags flags, Errno expected)
        {
            Assert.That(OpenError(path, flags), Is.EqualTo(expected));
        }

        [Test]
        public void NamesOver255AndPathsOver4095CharactersAreTooLong()
        {
            string longest = new string('n', MemoryFileSystem.MaximumNameLength);
            Assert.That(OpenError("/tmp/" + longest, OpenFlags.WriteOnly | OpenFlags.Create), Is.EqualTo(Errno.None));
            Assert.That(OpenError("/tmp/" + longest + "n", OpenFlags.ReadOnly), Is.EqualTo(Errno.ENAMETOOLONG));
            Assert.That(OpenError("/tmp/" + longest + "n/x", OpenFlags.ReadOnly), Is.EqualTo(Errno.ENAMETOOLONG));
            string deep = "/" + new string('/', MemoryFileSystem.MaximumPathLength - 7) + "bin/sh";
            Assert.That(deep.Length, Is.EqualTo(MemoryFileSystem.MaximumPathLength));
            Assert.That(OpenError(deep, OpenFlags.ReadOnly), Is.EqualTo(Errno.None));
            Assert.That(OpenError("/" + deep, OpenFlags.ReadOnly), Is.EqualTo(Errno.ENAMETOOLONG));
        }

        [Test]
        public void CreateMakesAnEmptyRegularFileThatOthersSee()
        {
            Assert.That(OpenError("/tmp/log", OpenFlags.WriteOnly), Is.EqualTo(Errno.ENOENT));
            OpenFile file = Open("/tmp/log", OpenFlags.WriteOnly | OpenFlags.Create);
            Assert.That(Text("/tmp/log"), Is.EqualTo(""));
            Write(file, "first line\n");
            Assert.That(Text("/tmp/log"), Is.EqualTo("first line\n"));
            var names = new List<string>();
            Assert.That(_fileSystem.ListDirectory("/tmp", names), Is.EqualTo(Errno.None));
            Assert.That(names, Is.EqualTo(new[] { "log" }));
        }

        [Test]
        public void CreateOpensAnExistingFileWithoutEmptyingIt()
        {
            Open("/etc/motd", OpenFlags.ReadWrite | OpenFlags.Create);
            Assert.That(Text("/etc/motd"), Is.EqualTo("hello"));
        }

        [Test]
        public void TruncateEmptiesAFileOpenedForWritingOnly()
        {
            Open("/etc/motd", OpenFlags.ReadOnly | OpenFlags.Truncate);
            Assert.That(Text("/etc/motd"), Is.EqualTo("hello"), "O_RDONLY|O_TRUNC leaves the file alone");
            OpenFile file = Open("/etc/motd", OpenFlags.WriteOnly | OpenFlags.Truncate);
            Assert.That(Text("/etc/motd"), Is.EqualTo(""));
            Assert.That(file.Status.Size, Is.EqualTo(0));
            Write(file, "hi");
            Assert.That(Text("/etc/motd"), Is.EqualTo("hi"));
        }

        [Test]
        public void TwoOpensShareTheFileButNotTheOffset()
        {
            OpenFile writer = Open("/etc/motd", OpenFlags.WriteOnly);
            OpenFile reader = Open("/etc/motd", OpenFlags.ReadOnly);
            Write(writer, "J");
            var buffer = new byte[8];
            Assert.That(reader.Read(buffer), Is.EqualTo(5));
            Assert.That(Encoding.ASCII.GetString(buffer, 0, 5), Is.EqualTo("Jello"));
        }

        [Test]
        public void StatTellsFilesFromDirectoriesAndGivesSizes()
        {
            Assert.That(_fileSystem.Stat("/bin/sh", out FileStatus file), Is.EqualTo(Errno.None));
            Assert.That((file.IsDirectory, file.Type, file.Size), Is.EqualTo((false, FileType.RegularFile, 5L)));
            Assert.That(_fileSystem.Stat("/bin", out FileStatus directory), Is.EqualTo(Errno.None));
            Assert.That((directory.IsDirectory, directory.Type, directory.Size), Is.EqualTo((true, FileType.Directory, 0L)));
            Assert.That(_fileSystem.Stat("/bin/nothing", out _), Is.EqualTo(Errno.ENOENT));
            Assert.That(_fileSystem.Stat("/bin/sh/", out _), Is.EqualTo(Errno.ENOTDIR));
        }

        [Test]
        public void ListingsAreSortedOrdinalAndReplaceTheListsContents()
        {
            foreach (string name in new[] { "b", "a", "B", "_", "aa", "Z" })
                Open("/tmp/" + name, OpenFlags.WriteOnly | OpenFlags.Create);
            var names = new List<string> { "stale" };
            Assert.That(_fileSystem.ListDirectory("/tmp", names), Is.EqualTo(Errno.None));
            Assert.That(names, Is.EqualTo(new[] { "B", "Z", "_", "a", "aa", "b" }));
            Assert.That(_fileSystem.ListDirectory("/", names), Is.EqualTo(Errno.None));
            Assert.That(names, Is.EqualTo(new[] { "bin", "etc", "tmp" }));
        }

        [Test]
        public void ListingAFileOrNothingFails()
        {
            var names = new List<string>();
            Assert.That(_fileSystem.ListDirectory("/bin/sh", names), Is.EqualTo(Errno.ENOTDIR));
            Assert.That(_fileSystem.ListDirectory("/none", names), Is.EqualTo(Errno.ENOENT));
        }

        [Test]
        public void ContentsAreTheFilesBytesAsTheyAreNowAndRefuseDirectories()
        {
            Assert.That(Text("/bin/sh"), Is.EqualTo("shell"));
            Open("/bin/sh", OpenFlags.WriteOnly | OpenFlags.Append).Write(Encoding.ASCII.GetBytes("!"));
            Assert.That(Text("/bin/sh"), Is.EqualTo("shell!"));
            Assert.That(_fileSystem.Contents("/bin", out ReadOnlySpan<byte> none), Is.EqualTo(Errno.EISDIR));
            Assert.That(none.Length, Is.Zero);
            Assert.That(_fileSystem.Contents("/bin/none", out _), Is.EqualTo(Errno.ENOENT));
        }
    }
}
