namespace Cosmos.Kernel.Diagnostics
{
    // A fixed ring of bytes between one producer and one consumer that never run at the same time (an interrupt
    // handler and code that takes bytes with interrupts off). Never allocates after construction; when full, new
    // bytes are dropped, as a UART drops them when nobody reads. Hardware-free.
    public sealed class ByteRing
    {
        readonly byte[] _bytes;
        int _start, _count;

        public ByteRing(int capacity)
        {
            if (capacity <= 0) throw new System.ArgumentOutOfRangeException(nameof(capacity), "a ring holds at least one byte");
            _bytes = new byte[capacity];
        }

        public int Count => _count;
        public int Capacity => _bytes.Length;
        public ulong Dropped { get; private set; }

        public bool TryPut(byte value)
        {
            if (_count == _bytes.Length)
            {
                Dropped++;
                return false;
            }
            int end = _start + _count;
            _bytes[end >= _bytes.Length ? end - _bytes.Length : end] = value;
            _count++;
            return true;
        }

        public bool TryTake(out byte value)
        {
            if (_count == 0)
            {
                value = 0;
                return false;
            }
            value = _bytes[_start];
            _start = _start + 1 == _bytes.Length ? 0 : _start + 1;
            _count--;
            return true;
        }
    }
}
