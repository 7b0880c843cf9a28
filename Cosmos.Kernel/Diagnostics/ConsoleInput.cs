using System;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Diagnostics
{
    // What is typed at the console: bytes from COM1's receive interrupt and characters from the PS/2 keyboard's, kept
    // in a fixed ring until read. The interrupt handlers (on the boot processor) only copy bytes and wake a waiting
    // reader; a reader, on any processor, parks until then, and the other threads run meanwhile. The ring is shared
    // under an InterruptSpinLock.
    public static unsafe class ConsoleInput
    {
        const int Capacity = 1024;

        static readonly WaitQueue s_readers = new WaitQueue();
        static ByteRing s_ring;
        static InterruptSpinLock s_lock;
        static SerialPort s_serial;
        static ScancodeSet1 s_keyboard;

        // Needs the I/O APIC set up; takes COM1's and the keyboard's IRQs from now on.
        public static void Start(SerialPort serial)
        {
            s_ring = new ByteRing(Capacity);
            s_serial = serial;
            s_keyboard = new ScancodeSet1();
            Idt.SetHandler(InterruptVectors.ForIsaIrq(SerialPort.Com1IsaIrq), &OnSerialInterrupt);
            Idt.SetHandler(InterruptVectors.ForIsaIrq(Ps2Controller.KeyboardIsaIrq), &OnKeyboardInterrupt);
            IoApic.RouteIsaIrq(SerialPort.Com1IsaIrq, LocalApic.ApicId);
            IoApic.RouteIsaIrq(Ps2Controller.KeyboardIsaIrq, LocalApic.ApicId);
            serial.EnableReceiveInterrupt();
            while (Ps2Controller.HasData) Ps2Controller.ReadData();    // a key pressed during boot would block IRQ 1
            IoApic.SetIsaIrqMasked(SerialPort.Com1IsaIrq, false);
            IoApic.SetIsaIrqMasked(Ps2Controller.KeyboardIsaIrq, false);
        }

        public static SerialPort Serial => s_serial;

        // Bytes that arrived while the ring was full.
        public static ulong Dropped => s_ring.Dropped;

        // Takes the next byte without waiting; false when none has arrived.
        public static bool TryRead(out byte value)
        {
            if (s_ring == null) throw new InvalidOperationException("console input: not started");
            s_lock.Acquire();
            bool taken = s_ring.TryTake(out value);
            s_lock.Release();
            return taken;
        }

        // Waits for the next byte, parked until an interrupt brings one; false when the wait was interrupted
        // (WaitingThread.Interrupt: the reader's process is ending).
        static bool TryReadWaiting(out byte value)
        {
            while (!TryRead(out value))
            {
                if (s_readers.WaitUnless(&HasInput) == WaitResult.Interrupted) return false;
            }
            return true;
        }

        static bool HasInput()
        {
            s_lock.Acquire();
            bool any = s_ring.Count != 0;
            s_lock.Release();
            return any;
        }

        // Waits for a line of at most `capacity` characters, echoing what is typed and honouring backspace; the line
        // ends at Enter, which is echoed as a newline and not returned. Null when the wait was interrupted (what was
        // typed of the line is dropped).
        public static string ReadLine(int capacity)
        {
            var buffer = new char[capacity];
            int length = 0;
            while (true)
            {
                if (!TryReadWaiting(out byte typed)) return null;
                char c = (char)typed;
                if (c == '\r' || c == '\n')
                {
                    KernelLog.Write('\n');
                    return new string(buffer, 0, length);
                }
                if ((c == '\b' || c == (char)127) && length > 0)
                {
                    length--;
                    KernelLog.Write("\b \b");
                }
                else if (c >= ' ' && length < buffer.Length)
                {
                    buffer[length++] = c;
                    KernelLog.Write(c);
                }
            }
        }

        static void OnSerialInterrupt(InterruptFrame* frame)
        {
            s_lock.Acquire();
            while (s_serial.TryRead(out byte value)) s_ring.TryPut(value);
            s_lock.Release();
            s_readers.WakeOne();
        }

        static void OnKeyboardInterrupt(InterruptFrame* frame)
        {
            char typed = s_keyboard.Translate(Ps2Controller.ReadData());
            if (typed == '\0') return;
            s_lock.Acquire();
            s_ring.TryPut((byte)typed);
            s_lock.Release();
            s_readers.WakeOne();
        }
    }
}
