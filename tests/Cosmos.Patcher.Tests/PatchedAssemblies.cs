using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Cosmos.Patcher.Tests
{
    // The patched assemblies loaded into a collectible load context of their own, where they resolve each other (the
    // target now references the plug assembly), so that tests can call the patched code on CoreCLR.
    sealed class PatchedAssemblies : AssemblyLoadContext, IDisposable
    {
        const BindingFlags AnyVisibility = BindingFlags.Public | BindingFlags.NonPublic;

        readonly string _directory;

        public PatchedAssemblies(string directory) : base("patched", isCollectible: true) => _directory = directory;

        protected override Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(_directory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        public Type Type(string fullName)
            => LoadFromAssemblyName(new AssemblyName("Target")).GetType(fullName, throwOnError: true)!;

        // Calls a static method (of any visibility) of a Target type, choosing the overload by the arguments' types.
        public object? Call(string typeName, string methodName, params object[] arguments)
        {
            MethodInfo method = Type(typeName).GetMethod(methodName, AnyVisibility | BindingFlags.Static,
                Array.ConvertAll(arguments, argument => argument.GetType()))
                ?? throw new MissingMethodException(typeName, methodName);
            return Invoke(method, null, arguments);
        }

        // Calls an instance method (of any visibility) on `instance`.
        public static object? CallOn(object instance, string methodName, params object[] arguments)
        {
            MethodInfo method = instance.GetType().GetMethod(methodName, AnyVisibility | BindingFlags.Instance)
                ?? throw new MissingMethodException(instance.GetType().FullName, methodName);
            return Invoke(method, instance, arguments);
        }

        // Unwraps what the called code threw, so a failing test shows it.
        static object? Invoke(MethodInfo method, object? instance, object[] arguments)
        {
            try
            {
                return method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }

        public void Dispose() => Unload();
    }
}
