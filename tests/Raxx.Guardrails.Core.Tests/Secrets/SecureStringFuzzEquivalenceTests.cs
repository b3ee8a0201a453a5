using System;
using System.Linq;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The plain-text SecureString reading (statements over back-ticks, pipelines, brackets, comments), the typed
/// declarations and the secret-named parameters (-Password '…'), edited at random (back-ticks, line ends, quotes, pipes, brackets, switches, cmdlet names, and the shared
/// fuzzer's edits; fixed seeds, 3,000 texts each): the reference scan, the AVX2 candidate pass and the SearchValues
/// groups find exactly the same.
/// </summary>
public class SecureStringFuzzEquivalenceTests
{
    private static string D(SecretMatch m) => $"{m.Provider}|{m.Kind}|{m.KeyName}|{m.Offset}+{m.Length}|{m.Line}:{m.Column}|{m.Hash}";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void FuzzedPowerShell_AllScanPaths_FindTheSame(int seed)
    {
        var seeds = new[]
        {
            "$sec = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force\n$s2 = ConvertTo-SecureString `\n  -String \"Tq4!zWm8Lp2x\" `\n  -asPlainText -Force:$true\n$c = [pscredential]::new('u', ('Xk9vQ2mLp7Rz' | convertto-securestring -asplaintext -Force))\n$p = @{ Password = 'Vm8kRq2LpZx7'; ApiKey = \"k7QpL2mZx9RtWv4YbN8c\" }\nDim password As String = \"Vm8kRq2LpZx7\"\nconst apiToken?: string = 'k7QpL2mZx9RtWv4YbN8cJ3';\npassword := os.Getenv(\"PW\")\n",
            "$a = ConvertTo-SecureString -AsPlainText -Force `\n -String 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z' `\n\n$b = 'Tr0ub4dor3xyzQ' | ConvertTo-SecureString -AsPlainText; ConvertTo-SecureString 'S3cretPassw0rd' `\n -AsPlainText\n# ConvertTo-SecureString 'bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR' -AsPlainText\n",
            "Connect-Lab -Server lab01 `\n    -Password 'Xy7#kq93Lm' `\n    -Verbose\nConnect-Api -Token \"k7QpL2mZx9RtWv4YbN8cJ3\" -ApiKey:'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z'; New-LocalUser -Name x -Password $pw -PasswordNeverExpires\n$Password1 = 'Tq4!zWm8Lp2x'\nPASSWORD2=Xy7#kq93Lm\n",
        };
        var random = new Random(seed);
        var tokens = new[] { "`", "`\n", "\n", "\r\n", "'", "\"", "|", "(", ")", " -AsPlainText", "ConvertTo-SecureString ", " -String ", ";", "#", "$x", ",", "@", " -Password ", " -Token ", "-", ":" };
        for (var n = 0; n < 3000; n++)
        {
            var text = seeds[random.Next(seeds.Length)];
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits; e++)
            {
                var pos = random.Next(text.Length + 1);
                text = random.Next(4) == 0 ? Fuzz.Mutate(text, random) : text.Insert(pos, tokens[random.Next(tokens.Length)]);
            }
            var r = SecretScanner.ScanReference(text).Select(D).ToArray();
            var v = System.Runtime.Intrinsics.X86.Avx2.IsSupported ? SecretScanner.Scan(text, null, vectorPass: true).Select(D).ToArray() : r;
            var g = SecretScanner.Scan(text, null, vectorPass: false).Select(D).ToArray();
            Assert.True(r.SequenceEqual(v) && r.SequenceEqual(g), $"seed {seed} #{n}: {text.Replace("\n", "⏎")}\nref [{string.Join(", ", r)}]\nvec [{string.Join(", ", v)}]\ngrp [{string.Join(", ", g)}]");
        }
    }
}
