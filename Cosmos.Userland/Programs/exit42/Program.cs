static class Program
{
    static int Main() => 42;
}
