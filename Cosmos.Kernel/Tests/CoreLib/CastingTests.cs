using Cosmos.Kernel.Diagnostics.Testing;
using Internal.Runtime;

namespace Cosmos.Kernel.Tests.CoreLib
{
    // Type checks and array covariance. A failed covariant store throws ArrayTypeMismatchException, which is a
    // kernel panic without an unwinder, so the rule is tested through the predicate the store helper uses.
    static class CastingTests
    {
        class Animal { }
        class Dog : Animal { }
        class Cat : Animal { }

        [KernelTest]
        internal static void ClassHierarchyCasts()
        {
            object dog = new Dog();
            Assert.True(dog is Animal, "Dog is Animal");
            Assert.True(dog is Dog, "Dog is Dog");
            Assert.False(dog is Cat, "Dog is not Cat");
            Assert.Null(dog as Cat, "Dog as Cat");
            Assert.Same(dog, dog as Animal, "Dog as Animal");
            Assert.False(dog is string, "Dog is not string");
        }

        [KernelTest]
        internal static void ArrayTypeChecks()
        {
            object strings = new string[2];
            Assert.True(strings is object[], "string[] is object[]");
            Assert.True(strings is string[], "string[] is string[]");
            Assert.True(strings is System.Array, "string[] is Array");
            Assert.False(strings is Dog[], "string[] is not Dog[]");
            object dogs = new Dog[1];
            Assert.True(dogs is Animal[], "Dog[] is Animal[]");
            Assert.False(dogs is Cat[], "Dog[] is not Cat[]");
            object ints = new int[1];
            Assert.False(ints is object[], "int[] is not object[]");
            Assert.True(ints is int[], "int[] is int[]");
            Assert.False(ints is long[], "int[] is not long[]");
        }

        [KernelTest]
        internal static void CovariantStoreRule()
        {
            object[] strings = new string[2];
            Assert.True(RuntimeDiagnostics.IsArrayElementStoreAllowed(strings, "x"), "string into string[]");
            Assert.True(RuntimeDiagnostics.IsArrayElementStoreAllowed(strings, null), "null into string[]");
            Assert.False(RuntimeDiagnostics.IsArrayElementStoreAllowed(strings, new object()), "object into string[]");
            Assert.False(RuntimeDiagnostics.IsArrayElementStoreAllowed(strings, 5), "boxed int into string[]");
            object[] animals = new Animal[2];
            Assert.True(RuntimeDiagnostics.IsArrayElementStoreAllowed(animals, new Dog()), "Dog into Animal[]");
            Assert.False(RuntimeDiagnostics.IsArrayElementStoreAllowed(animals, "x"), "string into Animal[]");
            object[] dogs = new Dog[2];
            Assert.False(RuntimeDiagnostics.IsArrayElementStoreAllowed(dogs, new Cat()), "Cat into Dog[] seen as object[]");
            Assert.True(RuntimeDiagnostics.IsArrayElementStoreAllowed(new object[1], "x"), "anything into object[]");
        }

        [KernelTest]
        internal static void CovariantStoresThatAreAllowedWork()
        {
            object[] strings = new string[2];
            strings[0] = "first";
            strings[1] = null;
            Assert.Equal("first", ((string[])strings)[0], "stored through object[]");
            Assert.Null(strings[1], "null stored");
            Animal[] animals = new Dog[1];
            Dog dog = new Dog();
            animals[0] = dog;
            Assert.Same(dog, animals[0], "Dog stored into Dog[] seen as Animal[]");
        }
    }
}
