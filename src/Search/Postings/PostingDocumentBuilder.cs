using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using F = Jobs.Search.Postings.PostingFields;

namespace Jobs.Search.Postings;

/// <summary>Turns a posting from the database into its Lucene document.</summary>
public sealed class PostingDocumentBuilder(CityDirectory cities)
{
    /// <summary>
    /// Text searched by single terms only (the pinyin fields): no positions, which no query reads there, and no
    /// frequencies, since a title or a name rarely repeats a reading.
    /// </summary>
    private static readonly FieldType TermsOnly = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY };

    /// <summary>
    /// Numbers filtered only by exact value: one term each (<see cref="F.ExactStep"/>) instead of the default trie's eight
    /// or sixteen, a tenth of the index at a million postings.
    /// </summary>
    private static readonly FieldType ExactInt32 = new(Int32Field.TYPE_NOT_STORED) { NumericPrecisionStep = F.ExactStep };

    private static readonly FieldType ExactInt64 = new(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = F.ExactStep };

    public static long ToUnixSeconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    /// <remarks>
    /// Nothing is stored: a page of hits is read from the database by primary key (Lucene.Net's stored fields cost about
    /// 0.3–0.5 ms a document), and ranking, filters and facets read the doc values through <see cref="PostingColumns"/>.
    /// </remarks>
    public Document Build(Posting p, string employerName)
    {
        var id = p.Id.ToString(CultureInfo.InvariantCulture);
        var city = cities.FindByCode(p.CityCode);
        var doc = new Document
        {
            new StringField(F.Id, id, Field.Store.NO),
            new NumericDocValuesField(F.IdValue, p.Id),
            new TextField(F.Title, p.Title, Field.Store.NO),
            new TextField(F.TitleBigram, p.Title, Field.Store.NO),
            new Field(F.TitlePinyin, p.Title, TermsOnly),
            new TextField(F.Description, p.Description, Field.Store.NO),
            new TextField(F.Employer, employerName, Field.Store.NO),
            new TextField(F.EmployerBigram, employerName, Field.Store.NO),
            new Field(F.EmployerPinyin, employerName, TermsOnly),
            new SortedDocValuesField(F.Values(F.City), new BytesRef(p.CityCode)),
            new NumericDocValuesField(F.Values(F.Education), (long)p.Education),
            new Int32Field(F.Experience, (int)p.Experience, ExactInt32),
            new NumericDocValuesField(F.Values(F.Experience), (long)p.Experience),
            new NumericDocValuesField(F.Values(F.PostedAt), ToUnixSeconds(p.PostedAt)),
            new NumericDocValuesField(F.Values(F.ExpiresAt), p.ExpiresAt is { } e ? ToUnixSeconds(e) : long.MaxValue),
            new Int64Field(F.EmployerId, p.EmployerId, ExactInt64),
            new NumericDocValuesField(F.Values(F.EmployerId), p.EmployerId),
            new NumericDocValuesField(F.TitleKey, StoredTitleKey(p.Title)),
            new NumericDocValuesField(F.Quality, Quality(p)),
            new NumericDocValuesField(F.Values(F.Type), (long)p.Type),
            new NumericDocValuesField(F.Values(F.Cohort), p.Cohort ?? 0),
            new NumericDocValuesField(F.Values(F.Beginners), p.AcceptsBeginners ? 1 : 0),
            new NumericDocValuesField(F.Values(F.Benefits), BenefitTags.Mask(p.Benefits.Select(b => b.Tag))),
        };

        var place = city is null ? p.CityCode : $"{city.Name} {city.FullName}";
        var placePinyin = city?.PinyinSyllables.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (!string.IsNullOrEmpty(p.District))
        {
            doc.Add(new StringField(F.District, p.District, Field.Store.NO));
            place += " " + p.District;
            if (city is not null && CityDirectory.FindDistrict(city, p.District) is { } district)
            {
                placePinyin += " " + district.PinyinSyllables.Replace(" ", "", StringComparison.Ordinal);
            }
        }

        doc.Add(new TextField(F.Place, place, Field.Store.NO));
        doc.Add(new Field(F.PlacePinyin, placePinyin, TermsOnly));

        if (p.Skills.Count > 0)
        {
            doc.Add(new TextField(F.Skills, string.Join(" ; ", p.Skills), Field.Store.NO));
        }

        var function = Jobs.Core.Taxonomy.JobFunctions.ByCode(p.FunctionCode);
        if (p.Category is { } category)
        {
            doc.Add(new SortedDocValuesField(F.Values(F.Category), new BytesRef(category)));
        }

        // The category label and the function name as text, so 汽车零部件 or 数据分析 finds postings that never say it in their
        // own words; résumé→posting matching reads the same field.
        var categoryText = string.Join(' ', new[] { p.Category?.Replace('/', ' '), function?.Name.Replace('/', ' ') }.Where(t => t is not null));
        if (categoryText.Length > 0)
        {
            doc.Add(new TextField(F.CategoryText, categoryText, Field.Store.NO));
        }

        if (function is not null)
        {
            doc.Add(new SortedDocValuesField(F.Values(F.Function), new BytesRef(function.Code)));
        }

        // Sorting by salary uses the top of the range; negotiable postings have -1 and sort last.
        doc.Add(new NumericDocValuesField(F.Values(F.SalaryMax), p.SalaryMax ?? -1));
        doc.Add(new NumericDocValuesField(F.Values(F.SalaryMin), p.SalaryMin ?? p.SalaryMax ?? -1));
        doc.Add(new SortedDocValuesField(F.Values(F.SalaryBand), new BytesRef(SalaryBands.For(p.SalaryMin, p.SalaryMax))));
        return doc;
    }

    /// <summary>
    /// A stable 64-bit hash (FNV-1a) of the title without spaces, punctuation or case, so a chain's thirty copies of
    /// "普工 (急招)" and "普工（急招）" share one key. Stable across processes, unlike string hash codes, because it is indexed.
    /// </summary>
    /// <summary>
    /// <see cref="TitleKey"/> folded to 32 bits for the index: it only tells apart titles of one employer in one city, and
    /// 64 random bits a posting were 7 MiB of a million-posting index.
    /// </summary>
    public static long StoredTitleKey(string title)
    {
        var key = TitleKey(title);
        return (int)(key ^ (key >> 32));
    }

    public static long TitleKey(string title)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in title.Normalize(System.Text.NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                continue;
            }

            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    /// <summary>
    /// 0–100: how complete and informative a posting is. Relevance ranking mixes it in lightly so that, among equally
    /// matching postings, ones with a real salary, skills and a substantial description come first.
    /// </summary>
    public static long Quality(Posting p)
    {
        var q = 40;
        if (!p.SalaryNegotiable && p.SalaryMin is not null)
        {
            q += 25;
        }

        q += Math.Min(p.Skills.Count, 5) * 3;
        q += p.Description.Length switch { >= 300 => 20, >= 120 => 12, >= 40 => 5, _ => 0 };
        return Math.Min(q, 100);
    }
}
