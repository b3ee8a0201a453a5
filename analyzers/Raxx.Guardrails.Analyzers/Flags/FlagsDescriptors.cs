using Microsoft.CodeAnalysis;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>Builds the flags family's descriptors from the shared rule catalog.</summary>
    internal static class FlagsDescriptors
    {
        public static DiagnosticDescriptor Create(string id, string messageFormat, params string[] customTags)
        {
            var info = RuleCatalog.Find(id)!;
            return new DiagnosticDescriptor(
                id,
                info.Title,
                messageFormat,
                info.Category,
                ToSeverity(info.DefaultSeverity),
                isEnabledByDefault: true,
                description: null,
                helpLinkUri: info.HelpUri,
                customTags: customTags);
        }

        private static DiagnosticSeverity ToSeverity(FindingSeverity severity)
        {
            switch (severity)
            {
                case FindingSeverity.Error:
                    return DiagnosticSeverity.Error;
                case FindingSeverity.Warning:
                    return DiagnosticSeverity.Warning;
                default:
                    return DiagnosticSeverity.Info;
            }
        }
    }
}
