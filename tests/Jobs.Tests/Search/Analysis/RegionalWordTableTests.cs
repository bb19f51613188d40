using Jobs.Core.Demo;
using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Xunit.Abstractions;
using static Jobs.Tests.Search.Analysis.AnalysisTestKit;

namespace Jobs.Tests.Search.Analysis;

/// <summary>
/// The shipped regional-words.txt, read from the source tree so a data edit is checked without a rebuild: well-formed,
/// no duplicates, every line doing something the rest of the table and ICU would not, and the query-only pairs
/// reachable from the mainland word through the vocabulary.
/// </summary>
public class RegionalWordTableTests(ITestOutputHelper output)
{
    private static readonly Lazy<ChineseTextAnalysis> Source = new(() =>
        ChineseTextAnalysis.Create(CityDirectory.LoadEmbedded(), SourceDataDirectory()));

    private static IReadOnlyList<RegionalWord> Table => Source.Value.RegionalWordTable;

    [Fact]
    public void RegionalWords_ShippedTable_AtLeast600WellFormedPairsWithoutWarnings()
    {
        var problems = Source.Value.Warnings.Where(w => w.Contains(AnalysisDataFile.RegionalWords, StringComparison.Ordinal)).ToList();
        var lines = File.ReadLines(Path.Combine(SourceDataDirectory(), AnalysisDataFile.RegionalWords))
            .Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

        output.WriteLine($"{Table.Count} pairs: {Table.Count(w => w.AppliesToText)} fold indexed text, "
            + $"{Table.Count(w => w.Traditional.Length != w.Simplified.Length)} differ in length, "
            + $"{Table.Count(w => w.QueryOnly && w.Traditional.Length == w.Simplified.Length)} same-length query-only.");
        Assert.Empty(problems);
        Assert.Equal(lines, Table.Count);
        Assert.True(Table.Count >= 600, $"only {Table.Count} pairs");
        Assert.All(Table, w =>
        {
            Assert.NotEqual(w.Traditional, w.Simplified);
            Assert.True(w.Traditional.All(IsWordChar) && w.Simplified.All(IsWordChar), $"line {w.Line}: {w.Traditional} {w.Simplified}");
            Assert.True(w.Traditional.Any(CharTables.IsHan), $"line {w.Line}: '{w.Traditional}' has no Chinese character");
        });
    }

    [Fact]
    public void RegionalWords_EachPair_ChangesWhatIcuAndTheOtherPairsWouldNot()
    {
        // A line the others already imply only pads the count; a line that folds to its own right side does nothing.
        var redundant = new List<string>();
        foreach (var word in Table)
        {
            var others = new CharFolder(Table.Where(w => !ReferenceEquals(w, word)).ToList());
            var expected = others.FoldChars(word.Simplified);
            var needed = others.FoldQuery(word.Traditional) != expected
                || (word.AppliesToText && others.Fold(word.Traditional) != expected);
            if (!needed)
            {
                redundant.Add($"line {word.Line}: {word.Traditional}\t{word.Simplified}");
            }
        }

        Assert.True(redundant.Count == 0, "implied by ICU and the other lines:\n" + string.Join('\n', redundant));
    }

    [Fact]
    public void RegionalWords_MainlandSide_StaysAsTyped()
    {
        // A Simplified query must never be rewritten again, or the two scripts would meet at different words.
        var analysis = Source.Value;
        var rewritten = Table
            .Where(w => analysis.FoldQuery(w.Simplified) != analysis.Folder.FoldChars(w.Simplified) || analysis.Fold(w.Simplified) != analysis.Folder.FoldChars(w.Simplified))
            .Select(w => $"line {w.Line}: {w.Simplified} → {analysis.FoldQuery(w.Simplified)}")
            .ToList();

        Assert.True(rewritten.Count == 0, string.Join('\n', rewritten));
    }

    [Fact]
    public void RegionalWords_QueryOnlyPairOfOtherLength_IndexedWordReachableFromMainlandWord()
    {
        // 演算法 stays 演算法 in the index; the query 算法 reaches it through the title bigrams (it is inside) or a
        // regional line at the end of vocabulary.txt (内存 => 記憶體). A vocabulary word is searched whole, so such a line
        // only helps (and does no harm) when the mainland word is one word to the analyzer; the others are listed.
        var analysis = Source.Value;
        var vocabulary = Jobs.Search.Vocabulary.Vocabulary.Parse(File.ReadLines(Path.Combine(SourceDataDirectory(), "vocabulary.txt")), analysis.Fold);
        var unreachable = new List<string>();
        var multiWord = new List<string>();
        foreach (var word in Table.Where(w => w.Traditional.Length != w.Simplified.Length))
        {
            var indexed = analysis.Fold(word.Traditional);
            var query = analysis.FoldQuery(word.Traditional);
            if (indexed.Contains(query, StringComparison.Ordinal) || vocabulary.Expand(query).Any(e => indexed.Contains(e, StringComparison.Ordinal)))
            {
                continue;
            }

            (analysis.Segment(query).Count == 1 ? unreachable : multiWord).Add($"{query} => {word.Traditional}");
        }

        output.WriteLine($"{multiWord.Count} mainland words of several analyzer words: postings that keep the regional word are found only if they also contain the mainland parts:\n" + string.Join('\n', multiWord));
        Assert.True(unreachable.Count == 0, "vocabulary lines missing:\n" + string.Join('\n', unreachable));
    }

    [Fact]
    public void Vocabulary_RegionalBlock_OneAnalyzerWordPerKey()
    {
        // TextQueryBuilder keeps a vocabulary word whole; a key the index splits (信息|安全) would then miss descriptions.
        var analysis = Source.Value;
        var block = File.ReadLines(Path.Combine(SourceDataDirectory(), "vocabulary.txt"))
            .SkipWhile(l => !l.StartsWith("# --- Regional words", StringComparison.Ordinal))
            .Where(l => l.Contains("=>", StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToList();
        var split = block.Select(l => l[..l.IndexOf("=>", StringComparison.Ordinal)].Trim())
            .Where(key => analysis.Segment(key).Count != 1)
            .Select(key => $"{key}: {string.Join('|', analysis.Segment(key))}")
            .ToList();

        Assert.NotEmpty(block);
        Assert.True(split.Count == 0, string.Join('\n', split));
    }

    [Fact]
    public void Fold_GeneratedSimplifiedPostings_NoRegionalWordFiresInsideThem()
    {
        // Folding matches anywhere, not at word boundaries: a left side both scripts spell alike (工安, 排休) would
        // rewrite 员工安排 or 安排休息 in every mainland posting. Such pairs must be query-only.
        var analysis = Source.Value;
        using var generator = new DemoDataGenerator(CityDirectory.LoadEmbedded(), seed: 17, new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        var employers = generator.CreateEmployers(100).Select(e => e.Employer).ToList();
        for (var i = 0; i < employers.Count; i++)
        {
            employers[i].Id = i + 1;
        }

        var fired = new SortedSet<string>(StringComparer.Ordinal);
        var checkedTexts = 0;
        foreach (var text in generator.CreatePostings(employers, 2_000).Select(p => p.Title + "\n" + p.Description))
        {
            var chars = analysis.Folder.FoldChars(text);
            if (chars != string.Concat(text.Select(c => CharTables.Narrow[c])))
            {
                continue; // Traditional text: regional words are meant to fire there.
            }

            checkedTexts++;
            var folded = analysis.Fold(text);
            for (var i = 0; i < folded.Length; i++)
            {
                if (folded[i] != chars[i])
                {
                    fired.Add(text.Substring(Math.Max(0, i - 2), Math.Min(6, text.Length - Math.Max(0, i - 2))));
                    break;
                }
            }
        }

        output.WriteLine($"{checkedTexts} Simplified postings checked");
        Assert.True(checkedTexts > 1_000);
        Assert.True(fired.Count == 0, "rewritten inside Simplified text:\n" + string.Join('\n', fired));
    }

    [Theory]
    [InlineData("演算法工程師", "算法工程师")]
    [InlineData("記憶體 與 硬碟", "内存 与 硬盘")]
    [InlineData("堆高機司機 台中", "叉车司机 台中")]
    [InlineData("業務", "销售")]
    [InlineData("業務範圍", "业务范围")]
    [InlineData("ＪＡＶＡ軟體工程師", "java软件工程师")]
    [InlineData("個人資料 資料分析", "个人资料 数据分析")]
    [InlineData("軟件工程師", "软件工程师")]
    [InlineData("软件工程师", "软件工程师")]
    [InlineData("", "")]
    public void FoldQuery_RegionalWording_MainlandWording(string query, string expected)
    {
        Assert.Equal(expected, ChineseAnalysis.FoldQuery(query));
    }

    [Fact]
    public void Fold_UnequalPair_KeepsLengthAndLeavesWordForVocabulary()
    {
        Assert.Equal("演算法工程师", ChineseAnalysis.Fold("演算法工程師"));
        Assert.Equal("业务范围", ChineseAnalysis.Fold("業務範圍"));
    }

    private static bool IsWordChar(char c) => CharTables.IsHan(c) || char.IsAsciiLetterOrDigit(c);

    private static string SourceDataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Search", "Data");
            if (File.Exists(Path.Combine(candidate, AnalysisDataFile.RegionalWords)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Search/Data not found above " + AppContext.BaseDirectory);
    }
}
