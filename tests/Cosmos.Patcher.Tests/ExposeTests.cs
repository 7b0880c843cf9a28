using System;
using System.Linq;
using System.Reflection;
using Mono.Cecil;
using NUnit.Framework;

namespace Cosmos.Patcher.Tests
{
    // [Expose]: plug-class fields and methods become members of the target type.
    [TestFixture]
    public class ExposeTests
    {
        const string Widget = """
            namespace Demo
            {
                public sealed class Widget { }
            }
            """;

        const string WidgetPlug = """
            using Cosmos.Plugs;
            [Plug(typeof(Demo.Widget))]
            sealed class WidgetPlug
            {
                [Expose] static int s_made;
                [Expose] int _serial;

                [PlugField("_serial")] static extern ref int Serial(Demo.Widget self);

                [Expose] static int Stamp(Demo.Widget self)
                {
                    s_made++;
                    Serial(self) = s_made * 10;
                    return Serial(self);
                }
                [Expose] static int Made() => s_made;
            }
            """;

        [Test]
        public void ExposedFieldsAndMethodsExistOnTheTargetAndWork()
        {
            using var scenario = new PlugScenario(Widget, WidgetPlug);
            scenario.PatchSuccessfully();
            using PatchedAssemblies patched = scenario.Load();
            Type widget = patched.Type("Demo.Widget");
            FieldInfo made = widget.GetField("s_made", BindingFlags.NonPublic | BindingFlags.Static)!;
            FieldInfo serial = widget.GetField("_serial", BindingFlags.NonPublic | BindingFlags.Instance)!;
            Assert.That(made, Is.Not.Null);
            Assert.That(serial, Is.Not.Null);
            Assert.That(widget.GetMethod("Stamp", BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes),
                Is.Not.Null, "an instance method");

            object first = Activator.CreateInstance(widget)!, second = Activator.CreateInstance(widget)!;
            Assert.That(PatchedAssemblies.CallOn(first, "Stamp"), Is.EqualTo(10));
            Assert.That(PatchedAssemblies.CallOn(second, "Stamp"), Is.EqualTo(20));
            Assert.That(serial.GetValue(first), Is.EqualTo(10));
            Assert.That(serial.GetValue(second), Is.EqualTo(20));
            Assert.That(made.GetValue(null), Is.EqualTo(2));
            Assert.That(patched.Call("Demo.Widget", "Made"), Is.EqualTo(2));
        }

        [Test]
        public void AnExposedFieldMovesFromThePlugClassToTheTarget()
        {
            using var scenario = new PlugScenario(Widget, WidgetPlug);
            scenario.PatchSuccessfully();
            using AssemblyDefinition plugs = scenario.ReadPatched("Plugs"), target = scenario.ReadPatched("Target");
            TypeDefinition plug = plugs.MainModule.GetType("WidgetPlug");
            Assert.That(plug.Fields, Is.Empty);
            FieldReference[] uses = plug.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand).OfType<FieldReference>().ToArray();
            Assert.That(uses.Select(f => f.FullName).Distinct(),
                Is.EquivalentTo(new[] { "System.Int32 Demo.Widget::s_made", "System.Int32 Demo.Widget::_serial" }));
            TypeDefinition widget = target.MainModule.GetType("Demo.Widget");
            Assert.That(widget.Fields.Select(f => (f.Name, f.IsStatic, f.FieldType.FullName)),
                Is.EquivalentTo(new[] { ("s_made", true, "System.Int32"), ("_serial", false, "System.Int32") }));
            Assert.That(widget.Methods.Where(m => !m.IsConstructor)
                    .Select(m => (m.Name, m.IsStatic, m.Parameters.Count)),
                Is.EquivalentTo(new[] { ("Stamp", false, 0), ("Made", true, 0) }));
        }
    }
}
