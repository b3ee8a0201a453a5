namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>A file of the repository under check.</summary>
    public sealed class RepositoryFile
    {
        /// <summary>A <c>length</c> not known when the file was listed: <see cref="Length"/> asks the file system when first read.</summary>
        public const long UnknownLength = -1;

        private long _length;

        public RepositoryFile(string relativePath, string fullPath, long length, bool? isTracked)
        {
            RelativePath = relativePath;
            FullPath = fullPath;
            _length = length;
            IsTracked = isTracked;
        }

        /// <summary>Path relative to the repository root, with forward slashes.</summary>
        public string RelativePath { get; }
        public string FullPath { get; }

        /// <summary>The length in bytes when listed, or (listed without it) when first asked; 0 for a file that is gone.</summary>
        public long Length
        {
            get
            {
                if (_length < 0)
                {
                    try
                    {
                        var info = new System.IO.FileInfo(FullPath);
                        _length = info.Exists ? info.Length : 0;
                    }
                    catch (System.Exception ex) when (ex is System.IO.IOException || ex is System.UnauthorizedAccessException || ex is System.ArgumentException || ex is System.NotSupportedException)
                    {
                        _length = 0;
                    }
                }
                return _length;
            }
        }

        /// <summary>The length as listed, or <see cref="UnknownLength"/> (without asking the file system).</summary>
        internal long KnownLength => _length;

        /// <summary>True/false when git answered; null when the folder is not a git work tree.</summary>
        public bool? IsTracked { get; }

        public override string ToString() => RelativePath;
    }
}
