using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NUnit.Framework;

namespace Cosmos.Patcher.Tests
{
    // [PlugField] accessors: plug code reads and writes the target's private fields through the returned reference.
    [TestFixture]
    public class PlugFieldTests
    {
        const string Vault = """
            namespace Demo
            {
                public sealed class Vault
                {
                    static int s_gold = 5;
                    long _silver;
                    public Vault(long silver) { _silver = silver; }
                    public static int Gold() => s_gold;
                    public long Silver() => _silver;
                    public static void Deposit(int amount) { }
                    public static int PeekGold() => -1;
                    public void Exchange() { }
                }
            }
            """;

        const string VaultPlug = """
            using Cosmos.Plugs;
            [Plug(typeof(Demo.Vault))]
            static class VaultPlug
            {
                [PlugField("s_gold")] static extern ref int Gold();
                [PlugField("_silver")] static extern ref long Silver(Demo.Vault self);

                public static void Deposit(int amount) => Gold() += amount;
                public static int PeekGold() => Gold();
                public static void Exchange(Demo.Vault self) { Silver(self) += Gold(); Gold() = 0; }
            }
            """;

        [Test]
        public void APrivateStaticFieldIsReadAndWritten()
        {
            using var scenario = new PlugScenario(Vault, VaultPlug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            patched.Call("Demo.Vault", "Deposit", 10);
            Assert.That(patched.Call("Demo.Vault", "Gold"), Is.EqualTo(15), "the target reads what the plug wrote");
            Assert.That(patched.Call("Demo.Vault", "PeekGold"), Is.EqualTo(15), "the plug reads the target's field");
        }

        [Test]
        public void APrivateInstanceFieldIsReadAndWritten()
        {
            using var scenario = new PlugScenario(Vault, VaultPlug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            object vault = System.Activator.CreateInstance(patched.Type("Demo.Vault"), 100L)!;
            PatchedAssemblies.CallOn(vault, "Exchange");
            Assert.That(PatchedAssemblies.CallOn(vault, "Silver"), Is.EqualTo(105L));
            Assert.That(patched.Call("Demo.Vault", "Gold"), Is.EqualTo(0));
        }

        [Test]
        public void AccessorsReturnTheFieldsAddress()
        {
            using var scenario = new PlugScenario(Vault, VaultPlug);
            scenario.PatchSuccessfully();
            using AssemblyDefinition plugs = scenario.ReadPatched("Plugs");
            TypeDefinition plug = plugs.MainModule.GetType("VaultPlug");
            MethodBody gold = plug.Methods.Single(m => m.Name == "Gold").Body;
            MethodBody silver = plug.Methods.Single(m => m.Name == "Silver").Body;
            Assert.That(gold.Instructions.Select(i => i.OpCode), Is.EqualTo(new[] { OpCodes.Ldsflda, OpCodes.Ret }));
            Assert.That(((FieldReference)gold.Instructions[0].Operand).FullName,
                Is.EqualTo("System.Int32 Demo.Vault::s_gold"));
            Assert.That(silver.Instructions.Select(i => i.OpCode),
                Is.EqualTo(new[] { OpCodes.Ldarg_0, OpCodes.Ldflda, OpCodes.Ret }));
            Assert.That(((FieldReference)silver.Instructions[1].Operand).FullName,
                Is.EqualTo("System.Int64 Demo.Vault::_silver"));
        }

        [Test]
        public void AValueTypesFieldIsReachedThroughARefParameter()
        {
            const string target = """
                namespace Demo
                {
                    public struct Meter
                    {
                        int _reading;
                        public void Tick() { }
                        public static int ThreeTicks()
                        {
                            var meter = new Meter();
                            meter.Tick();
                            meter.Tick();
                            meter.Tick();
                            return meter._reading;
                        }
                    }
                }
                """;
            const string plug = """
                using Cosmos.Plugs;
                [Plug(typeof(Demo.Meter))]
                static class MeterPlug
                {
                    [PlugField("_reading")] static extern ref int Reading(ref Demo.Meter self);
                    public static void Tick(ref Demo.Meter self) => Reading(ref self) += 2;
                }
                """;
            using var scenario = new PlugScenario(target, plug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            Assert.That(patched.Call("Demo.Meter", "ThreeTicks"), Is.EqualTo(6));
        }

        [Test]
        public void EachAssemblyMayIgnoreAccessChecksToTheOneItNowReaches()
        {
            using var scenario = new PlugScenario(Vault, VaultPlug);
            scenario.PatchSuccessfully();
            using AssemblyDefinition target = scenario.ReadPatched("Target"), plugs = scenario.ReadPatched("Plugs");
            Assert.That(IgnoredAccessChecks(plugs), Is.EqualTo(new[] { "Target" }), "Plugs reads private fields");
            Assert.That(IgnoredAccessChecks(target), Is.EqualTo(new[] { "Plugs" }), "Target calls an internal class");
        }

        static string[] IgnoredAccessChecks(AssemblyDefinition assembly)
            => assembly.CustomAttributes
                .Where(a => a.AttributeType.Name == "IgnoresAccessChecksToAttribute")
                .Select(a => (string)a.ConstructorArguments[0].Value).ToArray();
    }
}
