using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    /// <summary>
    /// RAXX101-104 find the calls and writes that can change a pipeline where the text spells them (the name of an
    /// Add*/Insert/Clear/UseSetting call, the '=' of an assignment). Each method below has exactly one such trigger, so
    /// its finding appears only if the search finds that trigger in its odd position or spelling.
    /// </summary>
    public class ConfigFlowTriggerSpellingTests
    {
        [Fact]
        public Task SourcesAddedWhereverWritten_Report() =>
            Verify<Raxx101LateConfigurationSourceAnalyzer>.VerifyAsync(ConfigTestSources.Usings + """
                static class App
                {
                    static void Generic(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:AddUserSecrets|}<Marker>();
                    }
                    static void GenericWithoutSpaces(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:Add|}<MemoryConfigurationSource>(s=>{});
                    }
                    static void Verbatim(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:@AddJsonFile|}("a.json", optional: true);
                    }
                    static void Parenthesized(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        {|RAXX101:((builder.Configuration).AddJsonFile)("b.json", true)|};
                    }
                    static void AfterLookAlikes(string[] args)
                    {
                        var text = "builder.Configuration.AddJsonFile(\"x.json\")"; // builder.Configuration.AddJsonFile("y.json")
                        var builder = WebApplication.CreateBuilder(args); /* AddJsonFile( */ var notifyAddress = text.Length;
                        builder.Configuration/* . */.
                            {|RAXX101:AddJsonFile|}
                            ("c.json", optional: true);
                    }
                    static void Chained(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.GetSection("x").GetSection("y");builder.Configuration.{|RAXX101:AddIniFile|}("d.ini", optional: true);
                    }
                }
                class Marker { }
                """);

        [Fact]
        public Task SourceAddedWithUnicodeEscape_Reports() =>
            Verify<Raxx101LateConfigurationSourceAnalyzer>.VerifyAsync(ConfigTestSources.Usings + """
                static class App
                {
                    static void Escaped(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:\u0041ddJsonFile|}("e.json", optional: true);
                    }
                }
                """);

        [Fact]
        public Task KeysWrittenWhereverWritten_Report() =>
            Verify<Raxx102KeyWrittenInCodeAnalyzer>.VerifyAsync(ConfigTestSources.Usings + """
                static class App
                {
                    static void WithoutSpaces(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration[{|RAXX102:"A"|}]="x";
                    }
                    static void AfterComparisonsAndComments(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var same = builder.Configuration["B"] == "x" || builder.Configuration["B"] != "y"; // builder.Configuration["B"] = "z";
                        System.Func<int, bool> small = n => n <= 1 && n >= 0;
                        builder.Configuration[{|RAXX102:"B"|}] /* = */ = same ? "1" : "0";
                    }
                    static void ValueWithoutSpaces(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var section = builder.Configuration.GetSection("C");
                        section.{|RAXX102:Value|}="on";
                    }
                    static void Parenthesized(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        (builder.Configuration[{|RAXX102:"D"|}]) = "x";
                    }
                    static void UseSettingGenericLookAlike(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var list = new List<string>(); list.AddRange(new[] { "UseSetting(" });
                        builder.WebHost.UseSetting({|RAXX102:"E"|}, list[0]);
                    }
                    static void Escaped(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var section = builder.Configuration.GetSection("F");
                        section.{|RAXX102:V\u0061lue|} = "on";
                    }
                }
                """);

        [Fact]
        public Task SourcesClearedWhereverWritten_Report() =>
            Verify<Raxx104SourcesClearedAnalyzer>.VerifyAsync(ConfigTestSources.Usings + """
                static class App
                {
                    static void WithoutSpaces(string[] args)
                    {
                        var builder=WebApplication.CreateBuilder(args);var list=new List<int>();list.Clear();builder.Configuration.Sources.{|RAXX104:Clear|}();
                    }
                    static void Verbatim(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.{|RAXX104:@Clear|}();
                    }
                    static void Parenthesized(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        {|RAXX104:((builder.Configuration.Sources).Clear)()|};
                    }
                }
                """);
    }
}
