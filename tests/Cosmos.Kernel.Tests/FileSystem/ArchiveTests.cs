using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Cosmos.Kernel.FileSystem;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.FileSystem
{
    // MemoryFileSystem.AddArchive and UstarReader on archives written by GNU tar, whole and damaged.
    [TestFixture]
    public class ArchiveTests
    {
        const int Block = 512;

        static MemoryFileSystem Loaded(byte[] archive)
        {
            var fileSystem = new MemoryFileSystem();
            Assert.That(fileSystem.AddArchive(archive), Is.Null);
            return fileSystem;
        }

        static string Text(MemoryFileSystem fileSystem, string path)
        {
            Assert.That(fileSystem.Contents(path, out ReadOnlySpan<byte> contents), Is.EqualTo(Errno.None), path);
            return Encoding.UTF8.GetString(contents);
        }

        static List<string> List(MemoryFileSystem fileSystem, string path)
        {
            var names = new List<string>();
            Assert.That(fileSystem.ListDirectory(path, names), Is.EqualTo(Errno.None), path);
            return names;
        }

        [Test]
        public void NestedDirectoriesAndFilesArriveWithTheirContents()
        {
            MemoryFileSystem fileSystem = Loaded(TarArchive.Of(
                ("bin/", null), ("bin/init", "init program"), ("bin/sh", "shell"),
                ("etc/motd", "welcome\n"), ("usr/share/doc/readme", "deep"), ("empty", "")));

            Assert.That(Text(fileSystem, "/bin/init"), Is.EqualTo("init program"));
            Assert.That(Text(fileSystem, "/bin/sh"), Is.EqualTo("shell"));
            Assert.That(Text(fileSystem, "/etc/motd"), Is.EqualTo("welcome\n"));
            Assert.That(Text(fileSystem, "/usr/share/doc/readme"), Is.EqualTo("deep"));
            Assert.That(Text(fileSystem, "/empty"), Is.EqualTo(""));
            Assert.That(List(fileSystem, "/"), Is.EqualTo(new[] { "bin", "empty", "etc", "usr" }));
            Assert.That(List(fileSystem, "/usr/share"), Is.EqualTo(new[] { "doc" }));
            Assert.That(fileSystem.Stat("/usr/share/doc", out FileStatus status), Is.EqualTo(Errno.None));
            Assert.That(status.IsDirectory, Is.True, "parents of a file are made even when the archive has no member for them");
        }

        [Test]
        public void ContentsOfEverySizeAroundABlockSurvive([Values(1, 511, 512, 513, 1024, 5000)] int size)
        {
            var text = new StringBuilder();
            for (int i = 0; i < size; i++) text.Append((char)('a' + i % 26));
            MemoryFileSystem fileSystem = Loaded(TarArchive.Of(("file", text.ToString()), ("after", "next member")));
            Assert.That(Text(fileSystem, "/file"), Is.EqualTo(text.ToString()));
            Assert.That(Text(fileSystem, "/after"), Is.EqualTo("next member"));
        }

        [Test]
        public void ALongPathIsJoinedFromThePrefixField()
        {
            string directory = "a-directory-name-of-sixty-characters-to-pass-the-100-limit--";
            string path = directory + "/" + directory + "/and-a-file-name-of-fifty-characters-as-well-.....";
            Assert.That(path.Length, Is.GreaterThan(100));
            byte[] archive = TarArchive.Of((path, "far away"));
            Assert.That(archive[345], Is.Not.EqualTo(0), "tar used the prefix field");
            Assert.That(Text(Loaded(archive), "/" + path), Is.EqualTo("far away"));
        }

        [Test]
        public void LeadingDotSlashAndSlashAreIgnored()
        {
            using var tree = new TemporaryDirectory();
            File.WriteAllText(tree.Combine("relative"), "dot");
            File.WriteAllText(tree.Combine("absolute"), "slash");
            byte[] relative = TarArchive.Pack(tree, new[] { "./relative" });
            byte[] absolute = TarArchive.Pack(tree, new[] { tree.Combine("absolute") }, "--absolute-names");
            Assert.That(Encoding.ASCII.GetString(relative, 0, 2), Is.EqualTo("./"));
            Assert.That(Encoding.ASCII.GetString(absolute, 0, 1), Is.EqualTo("/"));

            var fileSystem = new MemoryFileSystem();
            Assert.That(fileSystem.AddArchive(relative), Is.Null);
            Assert.That(fileSystem.AddArchive(absolute), Is.Null);
            Assert.That(Text(fileSystem, "/relative"), Is.EqualTo("dot"));
            Assert.That(Text(fileSystem, tree.Combine("absolute")), Is.EqualTo("slash"));
        }

        [Test]
        public void ALaterMemberReplacesAnEarlierFile()
        {
            var fileSystem = new MemoryFileSystem();
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("motd", "old"))), Is.Null);
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("motd", "new"))), Is.Null);
            Assert.That(Text(fileSystem, "/motd"), Is.EqualTo("new"));
        }

        [Test]
        public void AnEmptyArchiveAddsNothing()
        {
            MemoryFileSystem fileSystem = Loaded(new byte[2 * Block]);
            Assert.That(List(fileSystem, "/"), Is.Empty);
        }

        [Test]
        public void ABadChecksumNamesTheMemberAndItsOffset()
        {
            byte[] archive = TarArchive.Of(("first", "1"), ("second", "2"));
            int second = 2 * Block;
            archive[second + 100]++;   // the mode field, covered by the checksum
            var fileSystem = new MemoryFileSystem();
            Assert.That(fileSystem.AddArchive(archive), Is.EqualTo("entry \"second\" at offset 1024: bad header checksum"));
            Assert.That(Text(fileSystem, "/first"), Is.EqualTo("1"), "members before the bad one stay");
        }

        [Test]
        public void AChecksumThatIsNotOctalIsBad()
        {
            byte[] archive = TarArchive.Of(("file", "x"));
            archive[148] = (byte)'9';
            Assert.That(new MemoryFileSystem().AddArchive(archive), Does.EndWith("bad header checksum"));
        }

        [Test]
        public void ContentsCutShortAreReported()
        {
            byte[] archive = TarArchive.Of(("big", new string('b', 3000)));
            string error = new MemoryFileSystem().AddArchive(archive.AsSpan(0, Block + 1000));
            Assert.That(error, Is.EqualTo("entry \"big\" at offset 0: its 3000 bytes run past the end of the archive"));
        }

        [Test]
        public void AnArchiveCutBeforeItsEndMarkerIsReported([Values(0, 1)] int zeroBlocksLeft)
        {
            byte[] archive = TarArchive.Of(("file", "x"));
            int end = 2 * Block + zeroBlocksLeft * Block;
            string error = new MemoryFileSystem().AddArchive(archive.AsSpan(0, end));
            Assert.That(error, zeroBlocksLeft == 0
                ? Is.EqualTo("the archive ends at offset 1024 without its end marker (two zero blocks)")
                : Is.EqualTo("a zero block at offset 1024 is not followed by a second one"));
        }

        [Test]
        public void AHeaderCutShortIsReported()
        {
            byte[] archive = TarArchive.Of(("file", "x"));
            Assert.That(new MemoryFileSystem().AddArchive(archive.AsSpan(0, 300)),
                        Is.EqualTo("the archive ends at offset 0 without its end marker (two zero blocks)"));
        }

        [Test]
        public void ASymbolicLinkIsAnUnsupportedType()
        {
            using var tree = new TemporaryDirectory();
            File.CreateSymbolicLink(tree.Combine("link"), "target");
            byte[] archive = TarArchive.Pack(tree, new[] { "link" });
            Assert.That(new MemoryFileSystem().AddArchive(archive),
                        Is.EqualTo("entry \"link\" at offset 0: unsupported type '2' (only regular files and directories)"));
        }

        [Test]
        public void AFileWhereADirectoryIsNeededIsReported()
        {
            var fileSystem = new MemoryFileSystem();
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("bin", "a file"))), Is.Null);
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("bin/sh", "shell"))),
                        Is.EqualTo("entry \"bin/sh\" at offset 0: a file stands where a directory is needed"));
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("bin/", null))),
                        Is.EqualTo("entry \"bin/\" at offset 0: a file stands where a directory is needed"));
        }

        [Test]
        public void AFileCannotReplaceADirectory()
        {
            var fileSystem = new MemoryFileSystem();
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("etc/", null))), Is.Null);
            Assert.That(fileSystem.AddArchive(TarArchive.Of(("etc", "a file"))),
                        Is.EqualTo("entry \"etc\" at offset 0: a directory of that name exists"));
        }

        [Test]
        public void GnuFormatArchivesWithShortNamesAreReadToo()
        {
            using var tree = new TemporaryDirectory();
            File.WriteAllText(tree.Combine("gnu"), "old format");
            byte[] archive = TarArchive.Pack(tree, new[] { "gnu" }, "--format=gnu");
            Assert.That(Encoding.ASCII.GetString(archive, 257, 8), Is.EqualTo("ustar  \0"), "GNU's magic, no prefix field");
            Assert.That(Text(Loaded(archive), "/gnu"), Is.EqualTo("old format"));
        }
    }
}
