using Jobs.Core.Regions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Jobs.Search.Analysis;

/// <summary>
/// Chinese-aware text analysis for the job index: folding, word segmentation, CJK bigrams and pinyin, as Lucene
/// analyzers. Create one per process and share it; it and its analyzers are thread-safe.
/// </summary>
/// <remarks>
/// <para>Every analyzer first folds the text without changing its length (full-width and compatibility forms,
/// lower case, Taiwan/Hong Kong words such as 軟體 → 软件, then Traditional → Simplified per character), so token
/// offsets always point into the original text and a highlighter can use them unchanged.</para>
/// <list type="bullet">
/// <item><see cref="WordAnalyzer"/>: dictionary words (工程师, 五险一金, 深圳市, 南山区) and whole tech names (c#, asp.net).
/// The precise field; the same analyzer serves index and query.</item>
/// <item><see cref="BigramIndexAnalyzer"/> / <see cref="BigramQueryAnalyzer"/>: the recall field. Index: every
/// ideograph plus every overlapping pair at the same position. Query: only the pairs, or the ideograph when a run
/// is one character long.</item>
/// <item><see cref="PinyinIndexAnalyzer"/> / <see cref="PinyinQueryAnalyzer"/>: for titles, employer names and
/// cities. Index: the pinyin of each word (ruanjian, gongchengshi), then the field's pinyin run together and its
/// initials (rjgcs). Query: Latin words as typed, lower-cased; ideographs are turned into word pinyin.</item>
/// </list>
/// </remarks>
public sealed class ChineseTextAnalysis : IDisposable
{
    private readonly ChineseAnalyzer[] _analyzers;

    private ChineseTextAnalysis(CharFolder folder, WordSegmenter segmenter, PinyinConverter pinyin, IReadOnlyList<RegionalWord> regionalWords,
        IReadOnlyList<string> warnings)
    {
        Folder = folder;
        RegionalWordTable = regionalWords;
        Segmenter = segmenter;
        Pinyin = pinyin;
        Warnings = warnings;
        _analyzers = Enum.GetValues<AnalysisMode>().Select(mode => new ChineseAnalyzer(this, mode)).ToArray();
    }

    /// <summary>Dictionary words and ICU words for the other gaps; tech tokens whole. Index and query.</summary>
    public Analyzer WordAnalyzer => _analyzers[(int)AnalysisMode.Word];

    /// <summary>Unigrams and overlapping bigrams of every ideograph run; tech tokens whole.</summary>
    public Analyzer BigramIndexAnalyzer => _analyzers[(int)AnalysisMode.BigramIndex];

    /// <summary>Overlapping bigrams at consecutive positions; a one-ideograph run gives that ideograph.</summary>
    public Analyzer BigramQueryAnalyzer => _analyzers[(int)AnalysisMode.BigramQuery];

    /// <summary>Word pinyin, then the whole field's pinyin and initials; Latin words lower-cased.</summary>
    public Analyzer PinyinIndexAnalyzer => _analyzers[(int)AnalysisMode.PinyinIndex];

    /// <summary>Latin words lower-cased, apostrophes dropped (Ma'anshan → maanshan); ideographs as word pinyin.</summary>
    public Analyzer PinyinQueryAnalyzer => _analyzers[(int)AnalysisMode.PinyinQuery];

    /// <summary>
    /// Problems found while loading: data-file lines that were skipped (with file and line) and a missing ICU.
    /// Empty when everything loaded; the host should log these.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    internal CharFolder Folder { get; }

    internal WordSegmenter Segmenter { get; }

    internal PinyinConverter Pinyin { get; }

    /// <summary>The loaded regional-words.txt, for tests and diagnostics.</summary>
    internal IReadOnlyList<RegionalWord> RegionalWordTable { get; }

    /// <summary>
    /// Loads dictionary.txt, regional-words.txt and pinyin-overrides.txt (each from <paramref name="dataDirectory"/>
    /// when present there, else from the Data folder beside the binaries) and the place names of
    /// <paramref name="cities"/>. The first call in a process also builds the per-character tables (about a second).
    /// </summary>
    public static ChineseTextAnalysis Create(CityDirectory cities, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(cities);
        var warnings = new List<string>();
        if (!IcuRuntime.IsAvailable)
        {
            warnings.Add("ICU could not be loaded: no Traditional→Simplified per character, no ICU word break, no pinyin outside the curated lists.");
        }

        var regionalWords = RegionalWords.Load(AnalysisDataFile.Locate(AnalysisDataFile.RegionalWords, dataDirectory), warnings);
        var folder = new CharFolder(regionalWords);
        var segmenter = new WordSegmenter(LoadDictionary(AnalysisDataFile.Locate(AnalysisDataFile.Dictionary, dataDirectory), cities, folder, warnings));
        var pinyin = new PinyinConverter(LoadPinyin(AnalysisDataFile.Locate(AnalysisDataFile.PinyinOverrides, dataDirectory), cities, folder, warnings));
        if (IcuRuntime.IsAvailable && !(CharTables.HantHansLoaded && CharTables.HanLatinLoaded))
        {
            warnings.Add("An ICU transliterator (Hant-Hans or Han-Latin) failed to load: Traditional characters or ICU pinyin are missing.");
        }

        return new ChineseTextAnalysis(folder, segmenter, pinyin, regionalWords, warnings);
    }

    /// <summary>The length-preserving normalisation every analyzer applies first: ＪＡＶＡ軟體 → java软件.</summary>
    public string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Folder.Fold(text);
    }

    /// <summary>
    /// Query text as a mainland user would have typed it: <see cref="Fold"/> plus the regional pairs that cannot fold
    /// indexed text because their lengths differ or they are query-only (演算法 → 算法, 記憶體 → 内存, 工讀生 → 兼职学生,
    /// 業務 → 销售). Apply it before splitting and segmenting a query; the result does not keep offsets.
    /// </summary>
    public string FoldQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Folder.FoldQuery(text);
    }

    /// <summary>The terms <see cref="WordAnalyzer"/> produces: 深圳市南山区招聘Java工程师 → 深圳市, 南山区, 招聘, java, 工程师.</summary>
    public IReadOnlyList<string> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Terms(WordAnalyzer, text);
    }

    /// <summary>
    /// Toneless pinyin syllables separated by single spaces, Latin words kept: 长沙Java → "chang sha java".
    /// Same readings as the pinyin analyzers.
    /// </summary>
    public string ToPinyin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Folder.Fold(text);
        var kind = CharTables.Kind;
        var parts = new List<string>();
        var words = new List<(int Start, int End)>();
        var scratch = new List<int>();
        var i = 0;
        while (i < folded.Length)
        {
            if (kind[folded[i]] == CharKind.Han)
            {
                var end = i + 1;
                while (end < folded.Length && kind[folded[end]] == CharKind.Han)
                {
                    end++;
                }

                words.Clear();
                Segmenter.SegmentHan(folded, i, end, fine: true, words, scratch);
                foreach (var (s, e) in words)
                {
                    Pinyin.AppendSyllables(folded.AsSpan(s, e - s), parts);
                }

                i = end;
                continue;
            }

            var latinEnd = Segmenter.ScanLatin(folded, i, joinApostrophes: true);
            if (latinEnd > i)
            {
                parts.Add(folded[i..latinEnd].Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal));
                i = latinEnd;
                continue;
            }

            i++;
        }

        return string.Join(' ', parts);
    }

    /// <summary>Fields whose word tokens come from SmartCn alone ("" is the query side, <see cref="Segment"/>); empty by default.</summary>
    internal IReadOnlySet<string> SmartCnFields { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Create(CityDirectory, string?)"/> with another segmenter for the word field (option <c>Search:Segmenter</c>,
    /// issue 17's SmartCn evaluation): with <see cref="ChineseSegmenter.SmartCnTitles"/>, <paramref name="titleFields"/>
    /// and the query side take SmartCn alone.
    /// </summary>
    public static ChineseTextAnalysis Create(CityDirectory cities, string? dataDirectory, ChineseSegmenter segmenter, IReadOnlyCollection<string> titleFields)
    {
        ArgumentNullException.ThrowIfNull(titleFields);
        var analysis = Create(cities, dataDirectory);

        // Safe to set after construction: analyzers build their tokenizers on first use, per thread and field.
        analysis.Segmenter.SmartCnGaps = segmenter == ChineseSegmenter.SmartCnGaps;
        if (segmenter == ChineseSegmenter.SmartCnTitles)
        {
            analysis.SmartCnFields = new HashSet<string>(["", .. titleFields], StringComparer.Ordinal);
        }

        return analysis;
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzers)
        {
            analyzer.Dispose();
        }
    }

    internal static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    // ---- Data files ----

    private static List<string> LoadDictionary(string path, CityDirectory cities, CharFolder folder, List<string> warnings)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in PlaceWords(cities))
        {
            var folded = folder.Fold(place);
            if (IsHanWord(folded))
            {
                words.Add(folded);
            }
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        var file = Path.GetFileName(path);
        foreach (var (line, text) in AnalysisDataFile.ReadEntries(path))
        {
            // "-市中" takes out a word, typically a district name without its suffix that reads as ordinary text.
            var remove = text.StartsWith('-');
            var folded = folder.Fold(remove ? text[1..].Trim() : text);
            if (!IsHanWord(folded))
            {
                warnings.Add($"{file}:{line}: '{text}' is not a word of two or more Chinese characters; skipped.");
            }
            else
            {
                (remove ? removed : words).Add(folded);
            }
        }

        words.ExceptWith(removed);
        return words.ToList();
    }

    private static List<KeyValuePair<string, string[]>> LoadPinyin(string path, CityDirectory cities, CharFolder folder, List<string> warnings)
    {
        // Places first, the overrides file last: later entries win, and the file is the operator's last word.
        var readings = new List<KeyValuePair<string, string[]>>();
        foreach (var city in cities.Cities)
        {
            AddPlaceReading(city.Name, city.PinyinSyllables);
            AddPlaceReading(city.NameTraditional, city.PinyinSyllables);
            foreach (var district in city.Districts)
            {
                AddPlaceReading(district.Name, district.PinyinSyllables);
                AddPlaceReading(district.NameTraditional, district.PinyinSyllables);
            }
        }

        var file = Path.GetFileName(path);
        foreach (var (line, text) in AnalysisDataFile.ReadEntries(path))
        {
            if (!AnalysisDataFile.TrySplitPair(text, out var word, out var spelled))
            {
                warnings.Add($"{file}:{line}: expected '词<TAB>pin yin', got '{text}'; skipped.");
                continue;
            }

            var folded = folder.Fold(word);
            var syllables = Syllables(spelled);
            if (!folded.All(c => CharTables.Kind[c] == CharKind.Han) || syllables is null || syllables.Length != folded.Length)
            {
                warnings.Add($"{file}:{line}: '{text}' needs one Latin syllable per Chinese character (tone marks or digits allowed); skipped.");
                continue;
            }

            readings.Add(KeyValuePair.Create(folded, syllables));
        }

        return readings;

        // regions.json gives syllables for the name without its suffix (玄武区 → "xuan wu", 和县 → "he xian"), so
        // the syllables go with the first characters of the name; the suffix takes its ordinary reading.
        void AddPlaceReading(string name, string spelled)
        {
            var syllables = Syllables(spelled);
            var folded = folder.Fold(name);
            if (syllables is null || syllables.Length > folded.Length)
            {
                warnings.Add($"regions: '{name}' has the pinyin '{spelled}', which does not fit the name; ICU's reading is used.");
                return;
            }

            var key = folded[..syllables.Length];
            if (key.All(c => CharTables.Kind[c] == CharKind.Han))
            {
                readings.Add(KeyValuePair.Create(key, syllables));
            }
        }
    }

    /// <summary>"Cháng shā" / "chang2 sha1" / "lü" → [chang, sha] / [lv]; null when a part is not a syllable.</summary>
    private static string[]? Syllables(string spelled)
    {
        var parts = spelled.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var result = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var syllable = CharTables.Toneless(parts[i].TrimEnd('1', '2', '3', '4', '5'));
            if (syllable is null)
            {
                return null;
            }

            result[i] = syllable;
        }

        return result.Length > 0 ? result : null;
    }

    private static bool IsHanWord(string word) => word.Length >= 2 && word.All(c => CharTables.Kind[c] == CharKind.Han);

    /// <summary>
    /// Every city and district name with and without its administrative suffix, so 马鞍山市, 雨山区 and 雨山 are words.
    /// Compound aliases (常州金坛) are left out: as one dictionary word they would hide 常州 and 金坛.
    /// </summary>
    private static IEnumerable<string> PlaceWords(CityDirectory cities)
    {
        foreach (var city in cities.Cities)
        {
            foreach (var name in new[] { city.Name, city.NameTraditional })
            {
                yield return name;
                yield return name.EndsWith('市') ? name : name + "市";
            }

            foreach (var fullName in new[] { city.FullName, city.FullNameTraditional })
            {
                if (fullName.Length == city.Name.Length + 1)
                {
                    yield return fullName;
                }
            }

            foreach (var alias in city.Aliases.Where(a => a.Length == city.Name.Length + 1))
            {
                yield return alias;
            }

            if (city.Parent is { Length: > 0 } parent)
            {
                yield return parent;
                yield return StripSuffix(parent);
            }

            yield return city.Province;
            yield return StripSuffix(city.Province);

            foreach (var district in city.Districts)
            {
                foreach (var name in new[] { district.Name, district.NameTraditional })
                {
                    yield return name;
                    yield return StripSuffix(name);
                }
            }
        }
    }

    /// <summary>The same suffix rule as <see cref="CityDirectory"/>: 鼓楼区 → 鼓楼, 溧城街道 → 溧城; 和县 stays.</summary>
    private static string StripSuffix(string name) =>
        name.Length > 3 && name.EndsWith("街道", StringComparison.Ordinal) ? name[..^2]
        : name.Length > 2 && "省市区區县縣镇鎮".Contains(name[^1], StringComparison.Ordinal) ? name[..^1]
        : name;
}
