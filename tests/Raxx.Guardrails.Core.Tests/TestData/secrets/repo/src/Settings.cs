class Settings { const string GitHubToken = "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"; }
