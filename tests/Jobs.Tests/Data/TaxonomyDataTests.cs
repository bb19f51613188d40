using System.Text.Json;
using Jobs.Core.Common;
using Jobs.Core.Postings;

namespace Jobs.Tests.Data;

/// <summary>
/// Consistency of the taxonomy data files in src/Core/Data (job functions, industries, labour terms, benefit tags) and of the
/// judged sets beside this file. Checks the data only; classification accuracy is measured where the classifier lives.
/// </summary>
public class TaxonomyDataTests
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Jobs.sln not found above " + AppContext.BaseDirectory);
    }

    private static JsonElement Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root.Value, "src", "Core", "Data", name)));
        return doc.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Functions(JsonElement taxonomy) =>
        taxonomy.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("functions").EnumerateArray());

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? array.EnumerateArray().Select(s => s.GetString()!) : [];

    private static List<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    /// <summary>Judged rows of a TSV beside this file: (line number, text, expected code); comments and blank lines skipped.</summary>
    private static List<(int Line, string Text, string Code)> Judged(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Root.Value, "tests", "Jobs.Tests", "Data", name));
        var rows = new List<(int, string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            rows.Add((i + 1, cells[0], cells.Length > 1 ? cells[1] : ""));
        }

        return rows;
    }

    private static Dictionary<string, string> FunctionToGroup() =>
        Load("job-functions.json").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("functions").EnumerateArray().Select(f => (Function: f.GetProperty("code").GetString()!, Group: g.GetProperty("code").GetString()!)))
            .ToDictionary(p => p.Function, p => p.Group, StringComparer.Ordinal);

    [Theory]
    [InlineData("job-functions.json")]
    [InlineData("industries.json")]
    [InlineData("labour-terms.json")]
    [InlineData("benefit-tags.json")]
    public void DataFile_Header_HasVersionAndAbout(string name)
    {
        var root = Load(name);
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("about").GetString()));
        var bytes = File.ReadAllBytes(Path.Combine(Root.Value, "src", "Core", "Data", name));
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Fact]
    public void JobFunctions_Counts_WithinRange()
    {
        var taxonomy = Load("job-functions.json");
        Assert.InRange(taxonomy.GetProperty("groups").GetArrayLength(), 12, 20);
        Assert.InRange(Functions(taxonomy).Count(), 100, 200);
    }

    [Fact]
    public void JobFunctions_Codes_AreUnique()
    {
        var taxonomy = Load("job-functions.json");
        var codes = taxonomy.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("code").GetString()!)
            .Concat(Functions(taxonomy).Select(f => f.GetProperty("code").GetString()!));
        Assert.Empty(Duplicates(codes));
    }

    [Fact]
    public void JobFunctions_EveryFunction_HasNameAndAliases()
    {
        var incomplete = Functions(Load("job-functions.json"))
            .Where(f => string.IsNullOrWhiteSpace(f.GetProperty("name").GetString()) || !Strings(f, "aliases").Any())
            .Select(f => f.GetProperty("code").GetString()!)
            .ToList();
        Assert.Empty(incomplete);
    }

    [Fact]
    public void JobFunctions_AliasesAndTitleWords_BelongToOneFunction()
    {
        var words = Functions(Load("job-functions.json"))
            .SelectMany(f => Strings(f, "aliases").Concat(Strings(f, "titleWords")).Distinct(StringComparer.Ordinal));
        Assert.Empty(Duplicates(words));
    }

    [Fact]
    public void JobFunctions_AliasesAndTitleWords_AreNormalised()
    {
        var bad = Functions(Load("job-functions.json"))
            .SelectMany(f => Strings(f, "aliases").Concat(Strings(f, "titleWords")))
            .Where(w => w.Length == 0 || w != w.Trim() || w.Contains(' ', StringComparison.Ordinal) || w != w.ToLowerInvariant())
            .ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Industries_Sections_AreAToT()
    {
        var codes = Load("industries.json").GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
        Assert.Equal(Enumerable.Range('A', 20).Select(c => ((char)c).ToString()).ToList(), codes);
    }

    [Fact]
    public void Industries_Aliases_BelongToOneSection()
    {
        var aliases = Load("industries.json").GetProperty("sections").EnumerateArray().SelectMany(s => Strings(s, "aliases"));
        Assert.Empty(Duplicates(aliases));
    }

    [Fact]
    public void Industries_PostingCategories_EveryLabelMappedOrExplained()
    {
        var industries = Load("industries.json");
        var sectionOf = industries.GetProperty("sections").EnumerateArray()
            .SelectMany(s => Strings(s, "aliases").Select(a => (Alias: a, Section: s.GetProperty("code").GetString()!)))
            .ToDictionary(p => p.Alias, p => p.Section, StringComparer.Ordinal);
        var mapped = industries.GetProperty("postingCategories").EnumerateArray()
            .ToDictionary(m => m.GetProperty("label").GetString()!, m => m, StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var label in PostingCategories.All)
        {
            if (!mapped.TryGetValue(label, out var m))
            {
                problems.Add(label + ": not listed");
                continue;
            }

            var section = m.GetProperty("section");
            if (section.ValueKind == JsonValueKind.String)
            {
                if (!sectionOf.TryGetValue(label, out var aliasSection) || aliasSection != section.GetString())
                {
                    problems.Add(label + ": not an alias of section " + section.GetString());
                }
            }
            else if (!m.TryGetProperty("notes", out _))
            {
                problems.Add(label + ": no section and no notes");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void LabourTerms_Education_FollowsLadder()
    {
        var levels = Load("labour-terms.json").GetProperty("education").GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(new[] { "不限", "初中及以下", "中专/中技/职高", "高中", "大专", "本科", "硕士", "博士" }, levels.Select(l => l.GetProperty("name").GetString()!));
        var enums = levels.Where(l => l.TryGetProperty("enum", out _)).Select(l => Enum.Parse<EducationLevel>(l.GetProperty("enum").GetString()!)).ToList();
        // Every level is wired to the enum, in the ladder order the code uses (numbers are stored, so they are not the order).
        Assert.Equal(EducationLevels.InOrder, enums);
        Assert.Equal(levels.Select(l => l.GetProperty("rank").GetInt32()), enums.Select(e => e.Rank()));
        Assert.Empty(Duplicates(levels.SelectMany(l => Strings(l, "aliases"))));
    }

    [Fact]
    public void LabourTerms_Experience_KeepsTodaysLevels()
    {
        var levels = Load("labour-terms.json").GetProperty("experience").GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<ExperienceLevel>(), levels.Select(l => Enum.Parse<ExperienceLevel>(l.GetProperty("enum").GetString()!)));
        Assert.Equal(ExperienceLevels.AllLabels, levels.Select(l => l.GetProperty("name").GetString()!));
        Assert.Empty(Duplicates(levels.SelectMany(l => Strings(l, "aliases"))));
        var flagNotAlias = levels.SelectMany(l => Strings(l, "setsAcceptsBeginners").Except(Strings(l, "aliases"))).ToList();
        Assert.Empty(flagNotAlias);
    }

    [Fact]
    public void LabourTerms_PostingTypesAndSalaryBases_AliasesUnique()
    {
        var terms = Load("labour-terms.json");
        var types = terms.GetProperty("postingTypes").GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(new[] { "全职", "兼职", "实习", "校招" }, types.Select(t => t.GetProperty("name").GetString()!));
        Assert.Empty(Duplicates(types.SelectMany(t => Strings(t, "aliases"))));
        var bases = terms.GetProperty("salaryBases").GetProperty("bases").EnumerateArray().ToList();
        Assert.Equal(new[] { "月薪", "日薪", "时薪", "年薪", "面议" }, bases.Select(b => b.GetProperty("name").GetString()!));
        Assert.Empty(Duplicates(bases.SelectMany(b => Strings(b, "aliases"))));
    }

    [Fact]
    public void BenefitTags_CodesAndAliases_AreUnique()
    {
        var tags = Load("benefit-tags.json").GetProperty("tags").EnumerateArray().ToList();
        Assert.Empty(Duplicates(tags.Select(t => t.GetProperty("code").GetString()!)));
        Assert.Empty(Duplicates(tags.SelectMany(t => Strings(t, "aliases"))));
    }

    [Fact]
    public void BenefitTags_ImpliesAndGroups_ReferToExisting()
    {
        var file = Load("benefit-tags.json");
        var tags = file.GetProperty("tags").EnumerateArray().ToList();
        var codes = tags.Select(t => t.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
        var groups = file.GetProperty("groups").EnumerateObject().Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var problems = tags.SelectMany(t => Strings(t, "implies").Where(i => !codes.Contains(i) || i == t.GetProperty("code").GetString())
                .Select(i => t.GetProperty("code").GetString() + " implies " + i))
            .Concat(tags.Where(t => !groups.Contains(t.GetProperty("group").GetString()!)).Select(t => t.GetProperty("code").GetString() + ": unknown group"))
            .Concat(tags.Where(t => !Strings(t, "patterns").Any()).Select(t => t.GetProperty("code").GetString() + ": no patterns"))
            .ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void BenefitTags_Negations_CoverAPattern()
    {
        // A negation only works by hiding a pattern match inside it; one that contains no pattern of its tag is dead.
        var dead = Load("benefit-tags.json").GetProperty("tags").EnumerateArray()
            .SelectMany(t => Strings(t, "negations").Where(n => !Strings(t, "patterns").Any(p => n.Contains(p, StringComparison.Ordinal)))
                .Select(n => t.GetProperty("code").GetString() + ": " + n))
            .ToList();
        Assert.Empty(dead);
    }

    [Fact]
    public void FunctionTitles_ExpectedCodes_Exist()
    {
        var functions = FunctionToGroup();
        var rows = Judged("function-titles.tsv");
        Assert.True(rows.Count >= 360, $"{rows.Count} judged titles, at least 360 expected");
        var unknown = rows.Where(r => r.Text.Length == 0 || !functions.ContainsKey(r.Code)).Select(r => $"line {r.Line}: {r.Text} → {r.Code}").ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void FunctionTitles_EveryGroup_HasAtLeastTwelve()
    {
        var functions = FunctionToGroup();
        var perGroup = Judged("function-titles.tsv").Where(r => functions.ContainsKey(r.Code))
            .GroupBy(r => functions[r.Code]).ToDictionary(g => g.Key, g => g.Count());
        var thin = functions.Values.Distinct().Where(g => perGroup.GetValueOrDefault(g) < 12).Select(g => $"{g}: {perGroup.GetValueOrDefault(g)}").ToList();
        Assert.Empty(thin);
    }

    [Fact]
    public void CategoryTexts_ExpectedCodes_Exist()
    {
        var functions = FunctionToGroup();
        var rows = Judged("category-texts.tsv");
        Assert.True(rows.Count >= 80, $"{rows.Count} category texts, at least 80 expected");
        var unknown = rows.Where(r => r.Text.Length == 0 || !functions.ContainsKey(r.Code)).Select(r => $"line {r.Line}: {r.Text} → {r.Code}").ToList();
        Assert.Empty(unknown);
    }
}
