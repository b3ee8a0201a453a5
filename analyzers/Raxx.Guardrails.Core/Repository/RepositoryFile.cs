namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>A file of the repository under check.</summary>
    public sealed class RepositoryFile
    {
        public RepositoryFile(string relativePath, string fullPath, long length, bool? isTracked)
        {
            RelativePath = relativePath;
            FullPath = fullPath;
            Length = length;
            IsTracked = isTracked;
        }

        /// <summary>Path relative to the repository root, with forward slashes.</summary>
        public string RelativePath { get; }
        public string FullPath { get; }
        public long Length { get; }

        /// <summary>True/false when git answered; null when the folder is not a git work tree.</summary>
        public bool? IsTracked { get; }

        public override string ToString() => RelativePath;
    }
}
