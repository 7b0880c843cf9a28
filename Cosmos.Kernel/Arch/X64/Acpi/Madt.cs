using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Cosmos.Kernel.Arch.X64.Acpi
{
    // One processor's local APIC (MADT types 0 and 9); only enabled ones may be started.
    public readonly record struct MadtProcessor(uint ApicId, uint AcpiProcessorUid, bool Enabled);

    public readonly record struct MadtIoApic(byte Id, uint Address, uint GsiBase);

    // Polarity and trigger: 0 = as the bus does it (ISA: active high, edge), 1 = high / edge, 3 = low / level.
    public readonly record struct MadtSourceOverride(byte IsaIrq, uint Gsi, byte Polarity, byte Trigger)
    {
        public bool ActiveLow => Polarity == 3;
        public bool LevelTriggered => Trigger == 3;
    }

    // Which LINT input of which processor (0xFF: all) is wired to NMI.
    public readonly record struct MadtLocalNmi(byte AcpiProcessorUid, byte Lint, ushort Flags);

    // The Multiple APIC Description Table ("APIC"): where the local APICs and I/O APICs are and how the ISA IRQs reach
    // the I/O APICs' inputs (global system interrupts, GSIs). Entries it does not know are skipped; a malformed entry
    // length ends the walk. Hardware-free.
    public sealed class Madt
    {
        const int HeaderLength = 36;
        const int FirstEntry = HeaderLength + 8;
        const byte LocalApic = 0, IoApic = 1, SourceOverride = 2, LocalApicNmi = 4, LocalApicAddressOverride = 5, LocalX2Apic = 9;

        readonly List<MadtProcessor> _processors = new List<MadtProcessor>();
        readonly List<MadtIoApic> _ioApics = new List<MadtIoApic>();
        readonly List<MadtSourceOverride> _overrides = new List<MadtSourceOverride>();
        readonly List<MadtLocalNmi> _nmis = new List<MadtLocalNmi>();

        // `table` is the whole table, as AcpiTables.Find("APIC") gives it.
        public Madt(ReadOnlySpan<byte> table)
        {
            if (table.Length < FirstEntry || !AcpiTables.HasSignature(table, "APIC"))
                throw new ArgumentException("not a MADT: no 'APIC' table header");
            LocalApicAddress = BinaryPrimitives.ReadUInt32LittleEndian(table.Slice(HeaderLength));
            HasLegacyPics = (BinaryPrimitives.ReadUInt32LittleEndian(table.Slice(HeaderLength + 4)) & 1) != 0;
            for (int offset = FirstEntry; offset + 2 <= table.Length;)
            {
                int length = table[offset + 1];
                if (length < 2 || offset + length > table.Length) break;
                Read(table.Slice(offset, length));
                offset += length;
            }
        }

        public ulong LocalApicAddress { get; private set; }
        public bool HasLegacyPics { get; }
        public IReadOnlyList<MadtProcessor> Processors => _processors;
        public IReadOnlyList<MadtIoApic> IoApics => _ioApics;
        public IReadOnlyList<MadtSourceOverride> SourceOverrides => _overrides;
        public IReadOnlyList<MadtLocalNmi> LocalNmis => _nmis;

        // The GSI an ISA IRQ arrives on, with its polarity and trigger: an override's, else the same number, active
        // high and edge-triggered.
        public MadtSourceOverride RouteIsaIrq(byte irq)
        {
            foreach (MadtSourceOverride entry in _overrides)
                if (entry.IsaIrq == irq) return entry;
            return new MadtSourceOverride(irq, irq, 0, 0);
        }

        void Read(ReadOnlySpan<byte> entry)
        {
            switch (entry[0])
            {
                case LocalApic when entry.Length >= 8:
                    _processors.Add(new MadtProcessor(entry[3], entry[2], (entry[4] & 1) != 0));
                    break;
                case LocalX2Apic when entry.Length >= 16:
                    _processors.Add(new MadtProcessor(BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(4)),
                                                      BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(12)),
                                                      (entry[8] & 1) != 0));
                    break;
                case IoApic when entry.Length >= 12:
                    _ioApics.Add(new MadtIoApic(entry[2], BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(4)),
                                                BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(8))));
                    break;
                case SourceOverride when entry.Length >= 10:
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(8));
                    _overrides.Add(new MadtSourceOverride(entry[3], BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(4)),
                                                          (byte)(flags & 3), (byte)(flags >> 2 & 3)));
                    break;
                case LocalApicNmi when entry.Length >= 6:
                    _nmis.Add(new MadtLocalNmi(entry[2], entry[5], BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(3))));
                    break;
                case LocalApicAddressOverride when entry.Length >= 12:
                    LocalApicAddress = BinaryPrimitives.ReadUInt64LittleEndian(entry.Slice(4));
                    break;
            }
        }
    }
}
