using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using Cosmos.Kernel.Loader;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Loader
{
    // InitialStack.Build, read back the way a program's start-up code reads its stack.
    [TestFixture]
    public class InitialStackTests
    {
        const ulong StackTop = 0x0000_7FFF_FFFF_F000;

        // What a program finds at rsp: argc, argv, envp and auxv, following every pointer into the bytes.
        sealed record StartState(string[] Arguments, string[] Environment, List<(ulong Key, ulong Value)> Auxiliary);

        static StartState Read(byte[] stack, ulong stackTop, ulong stackPointer)
        {
            Assert.That(stackPointer % 16, Is.EqualTo(0UL), "rsp is 16-byte aligned");
            Assert.That(stackPointer + (ulong)stack.Length, Is.EqualTo(stackTop), "the bytes end at the stack top");
            int at = 0;
            ulong Word()
            {
                ulong value = BinaryPrimitives.ReadUInt64LittleEndian(stack.AsSpan(at));
                at += 8;
                return value;
            }
            string StringAt(ulong address)
            {
                Assert.That(address, Is.GreaterThanOrEqualTo(stackPointer).And.LessThan(stackTop), "a pointer into the stack");
                int start = (int)(address - stackPointer), end = Array.IndexOf(stack, (byte)0, start);
                Assert.That(end, Is.GreaterThanOrEqualTo(0), "a NUL-terminated string");
                return Encoding.Latin1.GetString(stack, start, end - start);
            }
            var arguments = new string[Word()];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = StringAt(Word());
            Assert.That(Word(), Is.EqualTo(0UL), "argv ends with a null pointer");
            var environment = new List<string>();
            for (ulong pointer = Word(); pointer != 0; pointer = Word()) environment.Add(StringAt(pointer));
            var auxiliary = new List<(ulong, ulong)>();
            for (ulong key = Word(); ; key = Word())
            {
                auxiliary.Add((key, Word()));
                if (key == 0) break;
            }
            return new StartState(arguments, environment.ToArray(), auxiliary);
        }

        static StartState BuildAndRead(string[] arguments, string[] environment, ulong stackTop = StackTop)
        {
            byte[] stack = InitialStack.Build(stackTop, arguments, environment, out ulong stackPointer);
            Assert.That(stack, Is.Not.Null);
            return Read(stack, stackTop, stackPointer);
        }

        [Test]
        public void ArgumentsEnvironmentAndAuxiliaryVectorReadBack()
        {
            StartState state = BuildAndRead(new[] { "/bin/echo", "hello", "", "world" }, new[] { "PATH=/bin", "HOME=/" });
            Assert.That(state.Arguments, Is.EqualTo(new[] { "/bin/echo", "hello", "", "world" }));
            Assert.That(state.Environment, Is.EqualTo(new[] { "PATH=/bin", "HOME=/" }));
            Assert.That(state.Auxiliary, Is.EqualTo(new List<(ulong, ulong)> { (6, 4096), (0, 0) }), "AT_PAGESZ 4096, AT_NULL");
        }

        [Test]
        public void NothingToPassStillGivesAWholeVector()
        {
            StartState state = BuildAndRead(Array.Empty<string>(), null);
            Assert.That(state.Arguments, Is.Empty);
            Assert.That(state.Environment, Is.Empty);
            Assert.That(state.Auxiliary.Count, Is.EqualTo(2));
        }

        [Test]
        public void EveryStringLengthKeepsTheStackPointerAligned([Range(0, 17)] int length)
        {
            StartState state = BuildAndRead(new[] { new string('x', length) }, new[] { "y" });
            Assert.That(state.Arguments[0].Length, Is.EqualTo(length));
            state = BuildAndRead(new[] { "x" }, new[] { new string('y', length), "z" });
            Assert.That(state.Environment[0].Length, Is.EqualTo(length));
        }

        [Test]
        public void AnUnalignedStackTopStillGivesAnAlignedStackPointer()
        {
            StartState state = BuildAndRead(new[] { "a" }, null, StackTop - 5);
            Assert.That(state.Arguments, Is.EqualTo(new[] { "a" }));
        }

        [Test]
        public void StringsAreOneBytePerCharAsTheKernelReadsThem()
        {
            byte[] stack = InitialStack.Build(StackTop, new[] { "caf\u00E9 \u20AC" }, null, out ulong stackPointer);
            Assert.That(Read(stack, StackTop, stackPointer).Arguments, Is.EqualTo(new[] { "caf\u00E9 ?" }));
            Assert.That(stack[^7..], Is.EqualTo(new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'?', 0 }));
        }

        [Test]
        public void MoreThanMaximumBytesIsRefused()
        {
            // One argument: 8 words of vector (argc, argv[0], 0, 0, four of auxv), its NUL, up to 15 bytes of padding.
            int fits = InitialStack.MaximumBytes - 8 * 8 - 1 - 16;
            byte[] stack = InitialStack.Build(StackTop, new[] { new string('a', fits) }, null, out _);
            Assert.That(stack, Is.Not.Null);
            Assert.That(stack.Length, Is.LessThanOrEqualTo(InitialStack.MaximumBytes));
            Assert.That(InitialStack.Build(StackTop, new[] { new string('a', fits + 1) }, null, out ulong stackPointer), Is.Null);
            Assert.That(stackPointer, Is.EqualTo(0UL));
        }

        [Test]
        public void ManyShortArgumentsCountTheirPointersToo()
        {
            var many = new string[InitialStack.MaximumBytes / 10];
            Array.Fill(many, "a");
            Assert.That(InitialStack.Build(StackTop, many, null, out _), Is.Null, "6553 arguments take 8 + 2 bytes each");
        }
    }
}
