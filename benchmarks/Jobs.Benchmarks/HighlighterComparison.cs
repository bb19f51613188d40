using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Jobs.Core.Demo;
using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Jobs.Search.Postings;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using OurHighlighter = Jobs.Search.Highlighting.Highlighter;

namespace Jobs.Benchmarks;

/// <summary>
/// Issue 17 item 4: the hand-written <see cref="OurHighlighter"/> against Lucene.Net.Highlighter (Highlighter with
/// QueryScorer over the word analyzer's tokens, which carry offsets into the original text because folding keeps length).
/// FastVectorHighlighter is left out: it needs term vectors, which the index does not store. First a correctness table
/// on Chinese cases, then µs per hit (title highlighted whole plus a 120-character description snippet).
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/Jobs.Benchmarks -- highlighters [postings, default 3000]</remarks>
internal static class HighlighterComparison
{
    private sealed record Case(string Name, string Text, string Query, Func<string, bool> Passes);

    // Checks read the marked words and the plain text after decoding entities, so an encoder that writes every
    // ideograph as &#NNNNN; is judged on what the browser shows, not on its spelling.
    private static readonly Case[] Cases =
    [
        new("marks the query words", "诚聘Java开发工程师，熟悉JavaScript者优先", "java 开发",
            html => Marked(html).SetEquals(["Java", "开发"])),
        new("Latin word not marked inside a longer word", "熟悉JavaScript、TypeScript", "java",
            html => Marked(html).Count == 0),
        new("Traditional text marked for a Simplified query", "誠徵軟體工程師（台北），負責伺服器維運", "软件工程师 服务器",
            html => Marked(html).SetEquals(["軟體工程師", "伺服器"])),
        new("query word inside a longer dictionary word", "招聘高级软件工程师两名", "工程师",
            html => Marked(html).SetEquals(["工程师"])),
        new("no broken surrogate pairs", "𠮷野家招聘店长😀，店长待遇优厚𠮷", "店长",
            html => Marked(html).SetEquals(["店长"]) && WellFormed(html) && Plain(html) == "𠮷野家招聘店长😀，店长待遇优厚𠮷"),
        new("HTML in the text is encoded", "<script>alert(1)</script>会计 & 出纳 <b>", "会计",
            html => !html.Contains("<script", StringComparison.Ordinal) && !html.Contains("<b>", StringComparison.Ordinal)
                && Marked(html).SetEquals(["会计"]) && Plain(html) == "<script>alert(1)</script>会计 & 出纳 <b>"),
        new("snippet of a long text shows the match", string.Concat(Enumerable.Repeat("公司位于工业园区，交通便利，环境优美。", 20)) + "岗位要求：会开叉车，能吃苦耐劳。", "叉车",
            html => Marked(html).SetEquals(["叉车"]) && Plain(html).Trim('…').Length <= 140),
    ];

    private static readonly string[] Queries = ["java", "会计", "软件工程师", "普工 包吃住", "五险一金 双休", "销售经理", "軟體工程師", "电工 南京"];

    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000;
        var cities = CityDirectory.LoadEmbedded();
        using var analysis = ChineseTextAnalysis.Create(cities);
        var ours = new OurHighlighter(analysis.Fold);

        Console.WriteLine("| case | hand-written | Lucene.Net.Highlighter, SimpleHTMLEncoder | Lucene.Net.Highlighter, WebUtility encoder |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var c in Cases)
        {
            var terms = Terms(analysis, c.Query);
            var snippet = c.Text.Length > 140;
            var mine = snippet ? ours.Snippet(c.Text, terms) : ours.Highlight(c.Text, terms);
            var lucene = snippet ? LuceneSnippet(analysis, c.Text, terms) : LuceneWhole(analysis, c.Text, terms);
            var luceneWeb = snippet ? LuceneSnippet(analysis, c.Text, terms, new WebEncoder()) : LuceneWhole(analysis, c.Text, terms, new WebEncoder());
            Console.WriteLine($"| {c.Name} | {Verdict(c, mine)} | {Verdict(c, lucene)} | {Verdict(c, luceneWeb)} |");
        }

        var postings = Generate(cities, count);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{postings.Count:N0} generated postings × {Queries.Length} queries, title whole + 120-char description snippet:"));
        var ourRate = Time(postings, analysis, (t, d, terms) => ours.Highlight(t, terms).Length + ours.Snippet(d, terms).Length);
        var luceneRate = Time(postings, analysis, (t, d, terms) => LuceneWhole(analysis, t, terms).Length + LuceneSnippet(analysis, d, terms).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| hand-written | {ourRate:0.0} µs per hit |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Lucene.Net.Highlighter (QueryScorer, SimpleFragmenter 120) | {luceneRate:0.0} µs per hit |"));
    }

    /// <summary>What the search side hands the highlighter: the folded words of the query.</summary>
    private static HashSet<string> Terms(ChineseTextAnalysis analysis, string query) => analysis.Segment(query).ToHashSet(StringComparer.Ordinal);

    private static string Verdict(Case c, string html) => (c.Passes(html) ? "yes: " : "**no**: ") + "`" + html.Replace("|", "\\|", StringComparison.Ordinal) + "`";

    private static Highlighter Lucene(IReadOnlyCollection<string> terms, IFragmenter fragmenter, IEncoder? encoder)
    {
        // The word field's own terms, as the search would query them.
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(PostingFields.Description, term)), Occur.SHOULD);
        }

        return new Highlighter(new SimpleHTMLFormatter(OurHighlighter.Open, OurHighlighter.Close), encoder ?? new SimpleHTMLEncoder(), new QueryScorer(query, PostingFields.Description))
        {
            TextFragmenter = fragmenter,
        };
    }

    private static string LuceneWhole(ChineseTextAnalysis analysis, string text, IReadOnlyCollection<string> terms, IEncoder? encoder = null) =>
        Lucene(terms, new NullFragmenter(), encoder).GetBestFragment(analysis.WordAnalyzer, PostingFields.Description, text)
        ?? WebUtility.HtmlEncode(text);

    private static string LuceneSnippet(ChineseTextAnalysis analysis, string text, IReadOnlyCollection<string> terms, IEncoder? encoder = null)
    {
        var fragment = Lucene(terms, new SimpleFragmenter(120), encoder).GetBestFragment(analysis.WordAnalyzer, PostingFields.Description, text);
        return fragment ?? WebUtility.HtmlEncode(text.Length > 120 ? text[..120] + "…" : text);
    }

    /// <summary>Mean µs per hit, best of three rounds; a hit is a posting whose folded title or description holds a query word.</summary>
    private static double Time(List<(string Title, string Description)> postings, ChineseTextAnalysis analysis, Func<string, string, IReadOnlyCollection<string>, int> highlight)
    {
        var runs = Queries.Select(q => Terms(analysis, q)).Select(terms => (Terms: (IReadOnlyCollection<string>)terms, Hits: postings
            .Where(p => terms.Any(t => analysis.Fold(p.Title + "\n" + p.Description).Contains(t, StringComparison.Ordinal))).ToList())).ToList();
        var hits = runs.Sum(r => r.Hits.Count);
        var best = double.MaxValue;
        for (var round = 0; round < 4; round++)
        {
            var watch = Stopwatch.StartNew();
            var chars = 0;
            foreach (var (terms, matching) in runs)
            {
                foreach (var (title, description) in matching)
                {
                    chars += highlight(title, description, terms);
                }
            }

            // Round 0 warms up.
            if (round > 0 && chars > 0)
            {
                best = Math.Min(best, watch.Elapsed.TotalMicroseconds / hits);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({hits:N0} hits over {Queries.Length} queries)"));
        return best;
    }

    private static List<(string Title, string Description)> Generate(CityDirectory cities, int count)
    {
        using var generator = new DemoDataGenerator(cities, seed: 2026, new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        var employers = generator.CreateEmployers(200).Select(e => e.Employer).ToList();
        for (var i = 0; i < employers.Count; i++)
        {
            employers[i].Id = i + 1;
        }

        return generator.CreatePostings(employers, count).Select(p => (p.Title, p.Description)).ToList();
    }

    /// <summary>SimpleHTMLEncoder writes every non-ASCII UTF-16 unit as an entity; this one writes text as the product does.</summary>
    private sealed class WebEncoder : IEncoder
    {
        public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
    }

    private static HashSet<string> Marked(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<em>(.*?)</em>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    private static string Plain(string html) => WebUtility.HtmlDecode(html.Replace(OurHighlighter.Open, "", StringComparison.Ordinal).Replace(OurHighlighter.Close, "", StringComparison.Ordinal));

    private static bool WellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }

        // Encoders that escape per UTF-16 unit write lone surrogates as &#55362; and the like.
        return !Enumerable.Range(0xD800, 0x800).Any(u => s.Contains(string.Create(CultureInfo.InvariantCulture, $"&#{u};"), StringComparison.Ordinal));
    }
}
