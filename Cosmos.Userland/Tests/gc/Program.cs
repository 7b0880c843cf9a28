using Cosmos.Userland.Runtime;

// Allocates 64 times more than it keeps, in small linked objects and large arrays: the collector must free the rest,
// keep the heap bounded, and leave the objects still referenced intact.
static class Program
{
    const int LiveNodes = 1000;
    const int Rounds = 400;
    const ulong HeapLimitBytes = 32 << 20;

    sealed class Node
    {
        public Node Next;
        public int Value;
        public byte[] Payload;
    }

    static int Main()
    {
        Node live = Chain(LiveNodes);
        for (int round = 0; round < Rounds; round++)
        {
            Chain(LiveNodes / 10);                  // garbage at once
            var large = new byte[256 << 10];                 // a large object of its own span, garbage too
            large[large.Length - 1] = (byte)round;
        }
        Check.True(UserHeap.Collections > 0, "the collector ran");
        Check.True(UserHeap.CommittedPages * 4096 < HeapLimitBytes,
                   "heap bounded: " + (UserHeap.CommittedPages * 4096).ToString() + " bytes committed");
        int count = 0;
        for (Node node = live; node != null; node = node.Next, count++)
            if (node.Value != LiveNodes - 1 - count || node.Payload[0] != (byte)node.Value) break;
        Check.Equal(LiveNodes, count, "live nodes intact");
        return Check.Result;
    }

    // A list of `length` nodes, values length-1 down to 0 from its head, each with a 100-byte payload.
    static Node Chain(int length)
    {
        Node head = null;
        for (int i = 0; i < length; i++)
        {
            var payload = new byte[100];
            payload[0] = (byte)i;
            head = new Node { Next = head, Value = i, Payload = payload };
        }
        return head;
    }
}
