namespace Raxx.Guardrails.Core.Rules
{
    /// <summary>Every rule ID, as compile-time constants (release tracking needs constants).</summary>
    public static class RuleIds
    {
        // 1xx configuration overwritten after boot (INCIDENTS.md §1)
        public const string Raxx101 = "RAXX101";
        public const string Raxx102 = "RAXX102";
        public const string Raxx103 = "RAXX103";
        public const string Raxx104 = "RAXX104";
        public const string Raxx105 = "RAXX105";

        // 2xx test-only code paths (§2)
        public const string Raxx201 = "RAXX201";
        public const string Raxx202 = "RAXX202";
        public const string Raxx203 = "RAXX203";

        // 3xx feature flags and routes (§3, §6)
        public const string Raxx301 = "RAXX301";
        public const string Raxx302 = "RAXX302";
        public const string Raxx303 = "RAXX303";
        public const string Raxx304 = "RAXX304";
        public const string Raxx305 = "RAXX305";
        public const string Raxx306 = "RAXX306";

        // 4xx credentials (§4)
        public const string Raxx401 = "RAXX401";
        public const string Raxx402 = "RAXX402";
        public const string Raxx403 = "RAXX403";
        public const string Raxx404 = "RAXX404";

        // 5xx deploy tags and triggers (§5)
        public const string Raxx501 = "RAXX501";
        public const string Raxx502 = "RAXX502";
        public const string Raxx503 = "RAXX503";
        public const string Raxx504 = "RAXX504";
        public const string Raxx505 = "RAXX505";
        public const string Raxx506 = "RAXX506";

        // 6xx boot preflight (§1, §3)
        public const string Raxx601 = "RAXX601";
        public const string Raxx602 = "RAXX602";
        public const string Raxx603 = "RAXX603";

        // Infrastructure: a repository input (config file, workflow, flags file) could not be read.
        public const string Raxx001 = "RAXX001";
    }

    /// <summary>Diagnostic categories, one per rule family.</summary>
    public static class RuleCategories
    {
        public const string Configuration = "Raxx.Configuration";
        public const string TestPath = "Raxx.TestPath";
        public const string FeatureFlags = "Raxx.FeatureFlags";
        public const string Secrets = "Raxx.Secrets";
        public const string Deploy = "Raxx.Deploy";
        public const string Preflight = "Raxx.Preflight";
        public const string Infrastructure = "Raxx.Infrastructure";
    }
}
