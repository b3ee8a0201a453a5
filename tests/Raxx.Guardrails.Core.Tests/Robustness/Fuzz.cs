using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace Raxx.Guardrails.Core.Tests.Robustness;

/// <summary>
/// A small mutation fuzzer with fixed seeds: takes valid documents, applies random edits that
/// parsers find hard (structure characters, indentation, truncation, odd Unicode, repetition) and
/// runs a parse action on each. A parse must end (result or located error) without an exception,
/// and within a time bound per input. Deterministic: a failure names the seed and iteration.
/// </summary>
public static class Fuzz
{
    private static readonly string[] Tokens =
    {
        "{", "}", "[", "]", ":", ",", "\"", "'", "-", "- ", "#", "&a", "*a", "!!str", "|", ">", "?", "\\", "\\u", "\\uD800",
        "\n", "\r\n", "\r", "\t", "  ", "    ", "\0", "\uFEFF", "\uD800", "\uDFFF", "é", "𝕏", "${{", "}}", "**", "*", "[a-", "!",
        "true", "null", "1e999", "-0", "0x1F", "~", "---", "...", "%YAML 1.2", "<<: *a", "\"\\", "/*", "*/", "//",
    };

    public static void Run(IReadOnlyList<string> seeds, int iterations, int seed, Action<string> parse, TimeSpan? perInputLimit = null)
    {
        var limit = perInputLimit ?? TimeSpan.FromSeconds(2);
        var random = new Random(seed);
        var stopwatch = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            stopwatch.Restart();
            try
            {
                parse(input);
            }
            catch (Exception ex) when (!(ex is XunitException))
            {
                throw new XunitException($"seed {seed}, iteration {i}: {ex.GetType().Name}: {ex.Message}\ninput ({input.Length} chars):\n{Preview(input)}");
            }
            if (stopwatch.Elapsed > limit)
            {
                throw new XunitException($"seed {seed}, iteration {i}: took {stopwatch.Elapsed.TotalMilliseconds:0} ms (limit {limit.TotalMilliseconds:0} ms)\ninput:\n{Preview(input)}");
            }
        }
    }

    public static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var position = builder.Length == 0 ? 0 : random.Next(builder.Length + 1);
            switch (random.Next(7))
            {
                case 0: // insert a hard token
                    builder.Insert(position, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 1: // delete a range
                    if (builder.Length > 0)
                    {
                        var start = random.Next(builder.Length);
                        builder.Remove(start, Math.Min(builder.Length - start, 1 + random.Next(12)));
                    }
                    break;
                case 2: // truncate
                    builder.Length = position;
                    break;
                case 3: // duplicate a chunk (repetition, deep nesting)
                    if (builder.Length > 0)
                    {
                        var start = random.Next(builder.Length);
                        var chunk = builder.ToString(start, Math.Min(builder.Length - start, 1 + random.Next(40)));
                        var times = 1 + random.Next(random.Next(10) == 0 ? 200 : 4);
                        for (var t = 0; t < times; t++)
                        {
                            builder.Insert(position, chunk);
                        }
                    }
                    break;
                case 4: // replace a character with a random code unit
                    if (builder.Length > 0)
                    {
                        builder[random.Next(builder.Length)] = (char)random.Next(0, 0xFFFF);
                    }
                    break;
                case 5: // shift indentation of a line
                    builder.Insert(position, new string(' ', random.Next(9)));
                    break;
                default: // swap two halves
                    var text2 = builder.ToString();
                    builder.Clear().Append(text2, position, text2.Length - position).Append(text2, 0, position);
                    break;
            }
        }
        return builder.ToString();
    }

    private static string Preview(string input) =>
        input.Length <= 2000 ? input : input.Substring(0, 2000) + "…";
}
