using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Jobs.Tests.Search.Relevance;

/// <summary>
/// Search relevance over fixed postings: mean nDCG@10 of the judged queries, overall and per kind of query, must stay
/// above floors set a little below what was measured. When a floor fails, the printed table shows per query what came
/// back (key:grade(score)), and which judged postings (grade ≥ 2) never reached the top 10.
/// </summary>
public class PostingRelevanceTests(RelevanceFixture fixture, ITestOutputHelper output) : IClassFixture<RelevanceFixture>
{
    /// <summary>
    /// Measured 0.881 over 85 queries when the set was written (rankings are deterministic run to run); 0.911 over the 179 of
    /// the grown set once issue 17's engine work (relaxation, intent words and conditions, diversity, the regional table,
    /// pinyin expansion) landed. The issue's goal is 0.90 with no kind below 0.80.
    /// </summary>
    public const double OverallFloor = 0.89;

    /// <summary>
    /// Per kind: floor in hundredths of nDCG@10, a little below the figure measured (comments: the grown set after issue 17's
    /// engine work). Raise a floor when the analyzer, dictionary or vocabulary improves a kind for good; never lower one to
    /// make a change pass without saying why.
    /// </summary>
    public static TheoryData<QueryKind, int> KindFloorPercents => new()
    {
        { QueryKind.Simplified, 93 },      // 0.956, 28 queries
        { QueryKind.Traditional, 86 },     // 0.890, 28 queries (16 Taiwan-worded among them)
        { QueryKind.Pinyin, 88 },          // 0.905,  9 queries (0.717 before pinyin expanded into the vocabulary)
        { QueryKind.EnglishMixed, 90 },    // 0.926,  9 queries
        { QueryKind.Synonym, 93 },         // 0.955, 11 queries
        { QueryKind.Spacing, 88 },         // 0.913,  6 queries
        { QueryKind.City, 94 },            // 0.968,  7 queries
        { QueryKind.PhraseExclusion, 92 }, // 0.951,  5 queries
        { QueryKind.LongSentence, 82 },    // 0.851, 19 queries (0.000 before relaxation and intent words)
        { QueryKind.BlueCollar, 82 },      // 0.848, 23 queries
        { QueryKind.Slang, 91 },           // 0.936, 19 queries
        { QueryKind.SalaryBenefit, 90 },   // 0.924, 15 queries (0.591 before benefits boosted instead of matching as words)
    };

    /// <summary>Slang and abbreviations with a standard word the vocabulary must expand them to (one-way).</summary>
    public static TheoryData<string, string> SlangExpansions => new()
    {
        { "数分", "数据分析" },
        { "产品汪", "产品经理" },
        { "前端er", "前端" },
        { "程序猿", "程序员" },
        { "攻城狮", "程序员" },
        { "测开", "测试开发" },
        { "运营喵", "运营" },
        { "算法岗", "算法工程师" },
        { "客服mm", "客服" },
        { "BI", "商业智能" },
        { "HRBP", "人力资源" },
    };

    [Fact]
    public void JudgedSet_Queries_CoverEveryKindAndReferenceFixtureKeys()
    {
        var keys = RelevancePostings.All.Select(p => p.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        // 145 when the set was written; 191 since issue 17 added blue-collar, benefit, BI, sales and Taiwan-worded postings.
        Assert.InRange(keys.Count, 180, 220);
        Assert.InRange(RelevancePostings.All.Count(p => p.Traditional) / (double)keys.Count, 0.12, 0.20);
        Assert.Equal(10, RelevancePostings.Employers.Count);
        Assert.All(RelevancePostings.Employers, e => Assert.Contains(RelevancePostings.All, p => RelevancePostings.EmployerCityOf(p) == e.City));

        Assert.True(RelevanceQueries.All.Count >= 150, $"{RelevanceQueries.All.Count} judged queries");
        Assert.Equal(RelevanceQueries.All.Count, RelevanceQueries.All.Select(q => q.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<QueryKind>(), kind => Assert.True(RelevanceQueries.All.Count(q => q.Kind == kind) >= 5, $"{kind} has fewer than 5 queries"));
        Assert.All(RelevanceQueries.All, q =>
        {
            Assert.Contains(q.Judgments.Values, g => g == 3);
            Assert.All(q.Judgments, j =>
            {
                Assert.Contains(j.Key, keys);
                Assert.InRange(j.Value, 0, 3);
            });
        });
    }

    [Fact]
    public void Ndcg_KnownRankings_MatchHandComputedValues()
    {
        var judgments = new Dictionary<string, int> { ["a"] = 3, ["b"] = 2, ["c"] = 1 };
        Assert.Equal(1.0, Ndcg.AtK(["a", "b", "c"], judgments, 10), 9);
        Assert.Equal(0.0, Ndcg.AtK(["x", "y"], judgments, 10), 9);

        // c, x, a: (1/log2 2 + 0 + 7/log2 4) / (7 + 3/log2 3 + 1/log2 4) = 4.5 / 9.392789
        Assert.Equal(4.5 / (7 + (3 / Math.Log2(3)) + 0.5), Ndcg.AtK(["c", "x", "a"], judgments, 10), 9);

        // A relevant posting that is never returned still counts in the ideal.
        Assert.Equal(7 / (7 + (3 / Math.Log2(3)) + 0.5), Ndcg.AtK(["a", null], judgments, 10), 9);

        // Only the top k count.
        Assert.Equal(0.0, Ndcg.AtK(["x", "a"], new Dictionary<string, int> { ["a"] = 3 }, 1), 9);
    }

    [Fact]
    public void Search_AllJudgedQueries_MeanNdcgAt10AtLeastFloor()
    {
        output.WriteLine($"{RelevancePostings.All.Count} postings, {fixture.Outcomes.Count} queries, index caught up in {fixture.IndexWait.TotalMilliseconds:0} ms");
        output.WriteLine(Table(fixture.Outcomes));
        foreach (var kind in Enum.GetValues<QueryKind>())
        {
            var of = fixture.Outcomes.Where(o => o.Query.Kind == kind).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-16} n={of.Count,2}  mean nDCG@10 = {of.Average(o => o.Ndcg):0.000}"));
        }

        var mean = fixture.Outcomes.Average(o => o.Ndcg);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"Overall",-16} n={fixture.Outcomes.Count,2}  mean nDCG@10 = {mean:0.000} (floor {OverallFloor:0.00})"));
        output.WriteLine("Worst queries:");
        foreach (var o in fixture.Outcomes.OrderBy(o => o.Ndcg).Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {o.Ndcg:0.000}  {o.Query.Kind,-15} {o.Query.Text}"));
        }

        Assert.True(mean >= OverallFloor, string.Create(CultureInfo.InvariantCulture, $"mean nDCG@10 {mean:0.000} is below the floor {OverallFloor:0.00}"));
    }

    [Theory]
    [MemberData(nameof(KindFloorPercents))]
    public void Search_QueryKind_MeanNdcgAt10AtLeastFloor(QueryKind kind, int floorPercent)
    {
        var floor = floorPercent / 100.0;
        var of = fixture.Outcomes.Where(o => o.Query.Kind == kind).ToList();
        output.WriteLine(Table(of));
        var mean = of.Average(o => o.Ndcg);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: mean nDCG@10 = {mean:0.000} over {of.Count} queries (floor {floor:0.00})"));
        Assert.True(mean >= floor, string.Create(CultureInfo.InvariantCulture, $"{kind} mean nDCG@10 {mean:0.000} is below the floor {floor:0.00}"));
    }

    /// <summary>
    /// No dead ends: a query with an exact answer (a grade-3 posting, which every judged query has) must return something.
    /// The queries that come back empty are printed, so the zero-result rate can be read off the output.
    /// </summary>
    [Fact]
    public void Search_QueriesWithExactAnswer_ReturnAtLeastOneResult()
    {
        var answerable = fixture.Outcomes.Where(o => o.Query.Judgments.Values.Contains(3)).ToList();
        var empty = answerable.Where(o => o.Total == 0).ToList();
        foreach (var o in empty)
        {
            output.WriteLine($"  no results: {o.Query.Kind,-15} {o.Query.Text}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zero-result rate {empty.Count}/{answerable.Count} = {empty.Count / (double)answerable.Count:0.000}"));
        Assert.True(empty.Count == 0, $"{empty.Count} of {answerable.Count} queries with a relevant posting return nothing: {string.Join("、", empty.Select(o => o.Query.Text))}");
    }

    /// <summary>
    /// Condition queries are judged on what the description says (周末双休, 包吃住, 不加班, 大小周 …); the engine can only use that
    /// if the extracted benefit tags say the same. Per tag: keys that state it, and keys that state the opposite.
    /// </summary>
    public static TheoryData<string, string, string> StatedBenefits => new()
    {
        { "双休", "nj-da-weekend nj-da-intern nj-bi-eng nj-net nj-clerk nj-acct-benefits ha-wh-keeper wh-hr nj-java", "zj-da ha-da ha-clerk" },
        { "包吃住", "wh-cook yz-guard wh-porter cz-pg wh-pg", "cz-trad-cook xc-assembly nj-guard" },
        { "五险一金", "nj-da-weekend nj-bi-eng nj-net nj-sales-mgr nj-acct-benefits nj-guard nj-hv-elec ha-wh-keeper ha-cs", "" },
        { "不加班", "nj-clerk nj-cleaner", "ha-clerk" },
        { "长白班", "wh-pg xc-line ha-op xc-assembly", "jt-pg wh-op" },
    };

    [Theory]
    [MemberData(nameof(StatedBenefits))]
    public async Task Search_BenefitFilter_FindsFixturePostingsThatStateIt(string benefit, string stating, string contrary)
    {
        var response = await fixture.CreateClient().GetAsync($"/api/postings/search?pageSize=100&benefit={Uri.EscapeDataString(benefit)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var keys = JsonNode.Parse(body)!["items"]!.AsArray().Select(i => fixture.KeyOf((long)i!["id"]!)).ToHashSet();
        output.WriteLine($"{benefit}: {string.Join(" ", keys.Order())}");

        Assert.All(stating.Split(' ', StringSplitOptions.RemoveEmptyEntries), key => Assert.Contains(key, keys));
        Assert.All(contrary.Split(' ', StringSplitOptions.RemoveEmptyEntries), key => Assert.DoesNotContain(key, keys));
    }

    [Theory]
    [MemberData(nameof(SlangExpansions))]
    public async Task Search_SlangWord_ExpandsToStandardWord(string slang, string standard)
    {
        var response = await fixture.CreateClient().GetAsync("/api/postings/search?pageSize=1&q=" + Uri.EscapeDataString(slang));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        // The slang must survive segmentation as one query word (前端er, not 前端|er) for the vocabulary to see it.
        var synonyms = JsonNode.Parse(body)!["understood"]!["synonyms"]!.AsObject();
        var key = slang.ToLowerInvariant();
        Assert.True(synonyms.ContainsKey(key), $"{slang}: understood.synonyms = {synonyms.ToJsonString()}");
        Assert.Contains(standard.ToLowerInvariant(), synonyms[key]!.AsArray().Select(v => (string)v!));
    }

    private static string Table(IEnumerable<QueryOutcome> outcomes)
    {
        var sb = new StringBuilder();
        foreach (var o in outcomes)
        {
            var top = string.Join(" ", o.Ranked.Select((k, i) => string.Create(CultureInfo.InvariantCulture,
                $"{k ?? "?"}:{(k is null ? 0 : o.Query.Judgments.GetValueOrDefault(k))}({o.Scores[i]:0.00})")));
            var missing = o.Query.Judgments.Where(j => j.Value >= 2 && !o.Ranked.Contains(j.Key))
                .OrderByDescending(j => j.Value).Select(j => $"{j.Key}:{j.Value}").ToList();
            sb.Append(CultureInfo.InvariantCulture, $"{o.Ndcg:0.000}  {o.Query.Kind,-15} {o.Query.Text,-14} total={o.Total,-3} [{o.Understood}]").AppendLine();
            sb.Append("        top10: ").Append(top.Length == 0 ? "(none)" : top).AppendLine();
            if (missing.Count > 0)
            {
                sb.Append("        missing: ").Append(string.Join(" ", missing)).AppendLine();
            }
        }

        return sb.ToString();
    }
}
