namespace Raxx.Guardrails.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: raxx-guardrails <check|annotate|smoke> ...");
        return 2;
    }
}
