namespace Jobs.Search.Analysis;

/// <summary>
/// The operator-editable text files under Data/: UTF-8, one entry per line, '#' starts a comment. A file in the
/// caller's override directory wins over the copy shipped beside the binaries.
/// </summary>
internal static class AnalysisDataFile
{
    public const string Dictionary = "dictionary.txt";
    public const string RegionalWords = "regional-words.txt";
    public const string PinyinOverrides = "pinyin-overrides.txt";

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data");

    public static string Locate(string fileName, string? overrideDirectory)
    {
        if (overrideDirectory is not null)
        {
            var candidate = Path.Combine(overrideDirectory, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var shipped = Path.Combine(DefaultDirectory, fileName);
        if (File.Exists(shipped))
        {
            return shipped;
        }

        // Silently analysing without the dictionary would quietly ruin search quality; a missing file is a deployment bug.
        throw new FileNotFoundException(
            $"Analysis data file '{fileName}' was found neither in '{overrideDirectory ?? "(no override)"}' nor in '{DefaultDirectory}'.",
            fileName);
    }

    /// <summary>The non-empty lines with comments and surrounding white space removed, with 1-based line numbers.</summary>
    public static IEnumerable<(int Line, string Text)> ReadEntries(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var text = (hash >= 0 ? raw[..hash] : raw).Trim().TrimStart('\uFEFF');
            if (text.Length > 0)
            {
                yield return (number, text);
            }
        }
    }

    /// <summary>Splits "key value words" at the first tab or run of white space; false when there is no value.</summary>
    public static bool TrySplitPair(string text, out string key, out string value)
    {
        var split = text.IndexOfAny(['\t', ' ', '\u3000']);
        if (split <= 0)
        {
            key = value = "";
            return false;
        }

        key = text[..split].Trim();
        value = text[(split + 1)..].Trim();
        return value.Length > 0;
    }
}
