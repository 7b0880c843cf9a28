using Cosmos.Kernel.Diagnostics.Testing;
using Internal.Runtime;

namespace Cosmos.Kernel.Tests.CoreLib
{
    // Interface calls through dispatch cells. Every interface here has more implementations than ILC will
    // devirtualise into type checks, so the calls really go through the runtime's resolver and its cache.
    static class InterfaceDispatchTests
    {
        interface IShape
        {
            int Sides();

            // Default interface method: used by every shape that does not implement it.
            int Code() => 1000 + Sides();
        }

        class Triangle : IShape { public int Sides() => 3; }
        class Square : IShape { public int Sides() => 4; }
        class Pentagon : IShape { public int Sides() => 5; }
        class Hexagon : IShape { public int Sides() => 6; }
        class Heptagon : IShape { public int Sides() => 7; }
        class Octagon : IShape
        {
            public int Sides() => 8;
            public int Code() => 8888; // implements the default method itself
        }

        // Implemented in a base class, inherited by a derived class that does not mention the interface.
        class Polygon : IShape
        {
            public virtual int Sides() => 10;
        }

        class Decagon : Polygon { }

        class Dodecagon : Polygon
        {
            public override int Sides() => 12;
        }

        interface IContainer<T>
        {
            T Get();
            void Put(T value);
        }

        class Cell<T> : IContainer<T>
        {
            T _value;
            public T Get() => _value;
            public void Put(T value) { _value = value; }
        }

        class DoublingCell : IContainer<int>
        {
            int _value;
            public int Get() => _value * 2;
            public void Put(int value) { _value = value; }
        }

        class NegatingCell : IContainer<int>
        {
            int _value;
            public int Get() => -_value;
            public void Put(int value) { _value = value; }
        }

        class OffsetCell : IContainer<int>
        {
            int _value;
            public int Get() => _value + 1000;
            public void Put(int value) { _value = value; }
        }

        class ConstantCell : IContainer<int>
        {
            public int Get() => 77;
            public void Put(int value) { }
        }

        class UpperCell : IContainer<string>
        {
            string _value;
            public string Get() => _value + "!";
            public void Put(string value) { _value = value; }
        }

        // An interface that extends another, implemented in two levels.
        interface INamed : IShape
        {
            string Name();
        }

        class NamedSquare : Square, INamed
        {
            public string Name() => "square";
        }

        class NamedHexagon : Hexagon, INamed
        {
            public string Name() => "hexagon";
        }

        static IShape[] Shapes() => new IShape[]
        {
            new Triangle(), new Square(), new Pentagon(), new Hexagon(), new Heptagon(), new Octagon(),
            new Polygon(), new Decagon(), new Dodecagon(),
        };

        [KernelTest]
        internal static void ManyImplementations()
        {
            IShape[] shapes = Shapes();
            int[] expected = { 3, 4, 5, 6, 7, 8, 10, 10, 12 };
            for (int i = 0; i < shapes.Length; i++)
                Assert.Equal(expected[i], shapes[i].Sides(), "Sides of shape " + i.ToString());
        }

        [KernelTest]
        internal static void DefaultInterfaceMethods()
        {
            IShape[] shapes = Shapes();
            int[] expected = { 1003, 1004, 1005, 1006, 1007, 8888, 1010, 1010, 1012 };
            for (int i = 0; i < shapes.Length; i++)
                Assert.Equal(expected[i], shapes[i].Code(), "Code of shape " + i.ToString());
        }

        [KernelTest]
        internal static void InheritedImplementationAndOverride()
        {
            IShape decagon = new Decagon();
            IShape dodecagon = new Dodecagon();
            Assert.Equal(10, decagon.Sides(), "implementation inherited from the base class");
            Assert.Equal(12, dodecagon.Sides(), "override in the derived class wins");
            INamed[] named = { new NamedSquare(), new NamedHexagon() };
            Assert.Equal("square", named[0].Name(), "INamed.Name on NamedSquare");
            Assert.Equal(4, named[0].Sides(), "IShape.Sides through INamed on NamedSquare");
            Assert.Equal("hexagon", named[1].Name(), "INamed.Name on NamedHexagon");
            Assert.Equal(1006, named[1].Code(), "default method through INamed");
        }

        [KernelTest]
        internal static void GenericInterfaces()
        {
            IContainer<int>[] cells = { new Cell<int>(), new DoublingCell(), new NegatingCell(), new OffsetCell(), new ConstantCell() };
            int[] expected = { 5, 10, -5, 1005, 77 };
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i].Put(5);
                Assert.Equal(expected[i], cells[i].Get(), "IContainer<int> " + i.ToString());
            }
            IContainer<string>[] strings = { new Cell<string>(), new UpperCell() };
            strings[0].Put("a");
            strings[1].Put("b");
            Assert.Equal("a", strings[0].Get(), "Cell<string>");
            Assert.Equal("b!", strings[1].Get(), "UpperCell");
            IContainer<long> longs = new Cell<long>();
            longs.Put(long.MaxValue);
            Assert.Equal(long.MaxValue, longs.Get(), "Cell<long>");
        }

        [KernelTest]
        internal static void ResolvedTargetsAreCached()
        {
            IShape[] shapes = Shapes();
            ulong firstPassMisses = 0, secondPassMisses = 0;
            int total = 0;
            // One call site (one dispatch cell), run twice over the same types: only the first pass may miss.
            for (int pass = 0; pass < 2; pass++)
            {
                ulong before = RuntimeDiagnostics.InterfaceDispatchCacheMisses;
                for (int i = 0; i < shapes.Length; i++) total += shapes[i].Sides();
                ulong misses = RuntimeDiagnostics.InterfaceDispatchCacheMisses - before;
                if (pass == 0) firstPassMisses = misses; else secondPassMisses = misses;
            }
            Assert.Equal(2 * 65, total, "sum of sides over both passes");
            Assert.True(firstPassMisses >= 1 && firstPassMisses <= (ulong)shapes.Length,
                "first pass resolves through the dispatch maps (misses " + firstPassMisses.ToString() + ")");
            Assert.Equal(0UL, secondPassMisses, "second pass is served from the cache");
        }
    }
}
