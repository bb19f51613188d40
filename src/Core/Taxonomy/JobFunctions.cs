using System.Text.Json;

namespace Jobs.Core.Taxonomy;

public sealed record JobFunctionGroup(string Code, string Name);

public sealed record JobFunction(string Code, string Name, JobFunctionGroup Group);

/// <summary>
/// The job function taxonomy (职能), read once from the embedded <c>Data/job-functions.json</c>, and the classifier that maps
/// a category text or a title onto one function (see docs/job-taxonomy.md for the rules and the measured accuracy).
/// </summary>
public static class JobFunctions
{
    private static readonly Lazy<Data> Loaded = new(Load);

    private static readonly char[] CategorySeparators = ['/', '／', '、', ',', '，', '|', ';', '；', '-'];

    public static IReadOnlyList<JobFunctionGroup> Groups => Loaded.Value.Groups;

    public static IReadOnlyList<JobFunction> All => Loaded.Value.Functions;

    public static JobFunction? ByCode(string? code) =>
        code is not null && Loaded.Value.ByCode.TryGetValue(code, out var f) ? f : null;

    /// <summary>A function given by code, name or alias (Simplified or Traditional); null when none matches.</summary>
    public static JobFunction? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = TaxonomyText.Fold(text);
        var data = Loaded.Value;
        return data.ByCode.TryGetValue(folded, out var byCode) ? byCode : data.Exact.GetValueOrDefault(folded);
    }

    /// <summary>A function group given by code or name; null when none matches.</summary>
    public static JobFunctionGroup? FindGroup(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = TaxonomyText.Fold(text);
        return Groups.FirstOrDefault(g => g.Code == folded || TaxonomyText.Fold(g.Name) == folded);
    }

    /// <summary>
    /// The function a posting's category text names (whole text or one of its slash-separated parts), else the one its title
    /// points to; null when neither says. Category labels that name an industry simply fail to match and fall through to the title.
    /// </summary>
    public static JobFunction? Classify(string? category, string? title)
    {
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (Find(category) is { } whole)
            {
                return whole;
            }

            // The 16 legacy labels mostly name industries (物流/仓储 says nothing of forklift driver or clerk): only a whole
            // match counts, and the title decides otherwise.
            if (Postings.PostingCategories.Normalize(category) is not null)
            {
                return string.IsNullOrWhiteSpace(title) ? null : FromText(title);
            }

            foreach (var part in category.Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Find(part) is { } named)
                {
                    return named;
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(title) && FromText(title) is { } fromTitle)
        {
            return fromTitle;
        }

        // A category that is no exact name may still contain one (数据分析与挖掘); it is weaker than the title.
        return string.IsNullOrWhiteSpace(category) ? null : FromText(category);
    }

    /// <summary>
    /// The longest alias or title word inside <paramref name="text"/>; an alias beats a title word of the same length, and
    /// among equals the earlier one wins. ASCII entries must stand as whole ASCII words (ie is not found in client).
    /// </summary>
    public static JobFunction? FromText(string text)
    {
        var folded = TaxonomyText.Fold(text);
        var data = Loaded.Value;
        JobFunction? best = null;
        var bestScore = 0;
        var bestAt = int.MaxValue;
        foreach (var entry in data.Entries)
        {
            var at = IndexOfWord(folded, entry.Text, entry.Ascii);
            if (at < 0)
            {
                continue;
            }

            // Length counts double so that one extra character always beats the alias bonus.
            var score = entry.Text.Length * 2 + (entry.IsAlias ? 1 : 0);
            if (score > bestScore || (score == bestScore && at < bestAt))
            {
                best = entry.Function;
                bestScore = score;
                bestAt = at;
            }
        }

        return best;
    }

    private static int IndexOfWord(string text, string word, bool ascii)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (!ascii)
            {
                return at;
            }

            var end = at + word.Length;
            var leftOk = at == 0 || !char.IsAsciiLetter(text[at - 1]) || !char.IsAsciiLetter(word[0]);
            var rightOk = end >= text.Length || !char.IsAsciiLetter(text[end]) || !char.IsAsciiLetter(word[^1]);
            if (leftOk && rightOk)
            {
                return at;
            }
        }

        return -1;
    }

    private sealed record Entry(string Text, JobFunction Function, bool IsAlias, bool Ascii);

    private sealed record Data(
        List<JobFunctionGroup> Groups,
        List<JobFunction> Functions,
        Dictionary<string, JobFunction> ByCode,
        Dictionary<string, JobFunction> Exact,
        List<Entry> Entries);

    private static Data Load()
    {
        using var stream = typeof(JobFunctions).Assembly.GetManifestResourceStream("Jobs.Core.Data.job-functions.json")
            ?? throw new InvalidOperationException("The embedded job function taxonomy is missing.");
        using var json = JsonDocument.Parse(stream);
        var groups = new List<JobFunctionGroup>();
        var functions = new List<JobFunction>();
        var byCode = new Dictionary<string, JobFunction>(StringComparer.Ordinal);
        var exact = new Dictionary<string, JobFunction>(StringComparer.Ordinal);
        var entries = new List<Entry>();
        foreach (var g in json.RootElement.GetProperty("groups").EnumerateArray())
        {
            var group = new JobFunctionGroup(g.GetProperty("code").GetString()!, g.GetProperty("name").GetString()!);
            groups.Add(group);
            foreach (var f in g.GetProperty("functions").EnumerateArray())
            {
                var function = new JobFunction(f.GetProperty("code").GetString()!, f.GetProperty("name").GetString()!, group);
                functions.Add(function);
                byCode[function.Code] = function;
                var aliases = Strings(f, "aliases").Append(function.Name).Select(TaxonomyText.Fold).Distinct().ToList();
                foreach (var alias in aliases)
                {
                    exact.TryAdd(alias, function);
                    entries.Add(new Entry(alias, function, true, alias.Any(char.IsAsciiLetter) && alias.All(char.IsAscii)));
                }

                foreach (var word in Strings(f, "titleWords").Select(TaxonomyText.Fold))
                {
                    entries.Add(new Entry(word, function, false, word.Any(char.IsAsciiLetter) && word.All(char.IsAscii)));
                }
            }
        }

        return new Data(groups, functions, byCode, exact, entries);
    }

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? array.EnumerateArray().Select(s => s.GetString()!) : [];
}
