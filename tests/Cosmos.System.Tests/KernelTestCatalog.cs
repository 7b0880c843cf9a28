using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Cosmos.System.Tests;

// The in-kernel tests, read from the kernel assembly's metadata without loading it (it is built against our own
// corelib): every method carrying [KernelTest], named "<declaring type>.<method>" as the kernel's runner names it.
public static class KernelTestCatalog
{
    public static IReadOnlyList<string> Names()
    {
        string assembly = KernelBuild.KernelAssembly;
        if (!File.Exists(assembly)) _ = KernelBuild.OutputDirectory;     // builds it
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (TypeDefinitionHandle typeHandle in metadata.TypeDefinitions)
        {
            TypeDefinition type = metadata.GetTypeDefinition(typeHandle);
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = metadata.GetMethodDefinition(methodHandle);
                if (method.GetCustomAttributes().Any(a => IsKernelTestAttribute(metadata, metadata.GetCustomAttribute(a))))
                    names.Add(metadata.GetString(type.Name) + "." + metadata.GetString(method.Name));
            }
        }
        return names;
    }

    static bool IsKernelTestAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MethodDefinition) return false;
        TypeDefinition type = metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());
        return metadata.GetString(type.Name) == "KernelTestAttribute";
    }
}
