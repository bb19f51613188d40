using System.Runtime.CompilerServices;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Lucene.Net.Index;
using Lucene.Net.Util;
using F = Jobs.Search.Postings.PostingFields;

namespace Jobs.Search.Postings;

/// <summary>
/// The per-document values ranking, filtering and facets read for every match, decoded once per segment into plain arrays.
/// Lucene.Net's compressed doc values cost 100–200 ns a read; a search over a million postings reads several per match,
/// so arrays (about 35 bytes a posting) make collection an order of magnitude cheaper. Segments never change, so an entry
/// lives as long as its segment core.
/// </summary>
public sealed class PostingColumns
{
    private static readonly ConditionalWeakTable<object, PostingColumns> Cache = new();

    private PostingColumns(int maxDoc)
    {
        Id = new long[maxDoc];
        Posted = new long[maxDoc];
        Expires = new long[maxDoc];
        SalaryMin = new int[maxDoc];
        SalaryMax = new int[maxDoc];
        Quality = new byte[maxDoc];
        Education = new byte[maxDoc];
        Experience = new byte[maxDoc];
        City = new short[maxDoc];
        Category = new short[maxDoc];
        Function = new short[maxDoc];
        SalaryBand = new short[maxDoc];
        Type = new byte[maxDoc];
        Cohort = new short[maxDoc];
        Beginners = new bool[maxDoc];
        Benefits = new long[maxDoc];
        EmployerId = new long[maxDoc];
        TitleKey = new long[maxDoc];
    }

    public long[] EmployerId { get; }

    /// <summary>Hash of the normalised title (<see cref="PostingDocumentBuilder.TitleKey"/>): near-identical postings share it.</summary>
    public long[] TitleKey { get; }

    /// <summary>The <see cref="PostingType"/>.</summary>
    public byte[] Type { get; }

    /// <summary>Graduation year of the cohort; 0 for none.</summary>
    public short[] Cohort { get; }

    public bool[] Beginners { get; }

    /// <summary>Benefit tags as bits of <see cref="BenefitTag.Index"/>.</summary>
    public long[] Benefits { get; }

    public long[] Id { get; }

    public long[] Posted { get; }

    public long[] Expires { get; }

    /// <summary>Monthly CNY; -1 for negotiable postings.</summary>
    public int[] SalaryMin { get; }

    public int[] SalaryMax { get; }

    public byte[] Quality { get; }

    /// <summary>The <see cref="Jobs.Core.Common.EducationLevel"/> a posting requires.</summary>
    public byte[] Education { get; }

    /// <summary>The <see cref="Jobs.Core.Common.ExperienceLevel"/> a posting asks for.</summary>
    public byte[] Experience { get; }

    /// <summary>Index into <see cref="PostingColumnKeys.Cities"/>; -1 for none.</summary>
    public short[] City { get; }

    /// <summary>Index into <see cref="PostingCategories.All"/>; -1 for none.</summary>
    public short[] Category { get; }

    /// <summary>Index into <see cref="Jobs.Core.Taxonomy.JobFunctions.All"/>; -1 for none.</summary>
    public short[] Function { get; }

    /// <summary>Index into <see cref="SalaryBands.Labels"/>.</summary>
    public short[] SalaryBand { get; }

    public static PostingColumns For(AtomicReader reader, PostingColumnKeys keys) =>
        Cache.GetValue(reader.CoreCacheKey, _ => Build(reader, keys));

    private static PostingColumns Build(AtomicReader reader, PostingColumnKeys keys)
    {
        var maxDoc = reader.MaxDoc;
        var c = new PostingColumns(maxDoc);
        Copy(reader.GetNumericDocValues(F.IdValue), c.Id, maxDoc);
        Copy(reader.GetNumericDocValues(F.Values(F.PostedAt)), c.Posted, maxDoc);
        Copy(reader.GetNumericDocValues(F.Values(F.ExpiresAt)), c.Expires, maxDoc);
        var salaryMin = reader.GetNumericDocValues(F.Values(F.SalaryMin));
        var salaryMax = reader.GetNumericDocValues(F.Values(F.SalaryMax));
        var quality = reader.GetNumericDocValues(F.Quality);
        var education = reader.GetNumericDocValues(F.Values(F.Education));
        var experience = reader.GetNumericDocValues(F.Values(F.Experience));
        var type = reader.GetNumericDocValues(F.Values(F.Type));
        var cohort = reader.GetNumericDocValues(F.Values(F.Cohort));
        var beginners = reader.GetNumericDocValues(F.Values(F.Beginners));
        Copy(reader.GetNumericDocValues(F.Values(F.Benefits)), c.Benefits, maxDoc);
        Copy(reader.GetNumericDocValues(F.Values(F.EmployerId)), c.EmployerId, maxDoc);
        Copy(reader.GetNumericDocValues(F.TitleKey), c.TitleKey, maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            c.Type[doc] = (byte)(type?.Get(doc) ?? 0);
            c.Cohort[doc] = (short)(cohort?.Get(doc) ?? 0);
            c.Beginners[doc] = (beginners?.Get(doc) ?? 0) != 0;
            c.SalaryMin[doc] = (int)(salaryMin?.Get(doc) ?? -1);
            c.SalaryMax[doc] = (int)(salaryMax?.Get(doc) ?? -1);
            c.Quality[doc] = (byte)(quality?.Get(doc) ?? 0);
            c.Education[doc] = (byte)(education?.Get(doc) ?? 0);
            c.Experience[doc] = (byte)(experience?.Get(doc) ?? 0);
        }

        Ordinals(reader.GetSortedDocValues(F.Values(F.City)), keys.CityIndex, c.City, maxDoc);
        Ordinals(reader.GetSortedDocValues(F.Values(F.Category)), keys.CategoryIndex, c.Category, maxDoc);
        Ordinals(reader.GetSortedDocValues(F.Values(F.SalaryBand)), keys.BandIndex, c.SalaryBand, maxDoc);
        Ordinals(reader.GetSortedDocValues(F.Values(F.Function)), keys.FunctionIndex, c.Function, maxDoc);
        return c;
    }

    private static void Copy(NumericDocValues? values, long[] into, int maxDoc)
    {
        if (values is null)
        {
            return;
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            into[doc] = values.Get(doc);
        }
    }

    /// <summary>Maps each segment ordinal to a stable small index once, then each document through its ordinal.</summary>
    private static void Ordinals(SortedDocValues? values, IReadOnlyDictionary<string, short> index, short[] into, int maxDoc)
    {
        Array.Fill(into, (short)-1);
        if (values is null)
        {
            return;
        }

        var byOrd = new short[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < byOrd.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            byOrd[ord] = index.TryGetValue(bytes.Utf8ToString(), out var i) ? i : (short)-1;
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            var ord = values.GetOrd(doc);
            into[doc] = ord >= 0 ? byOrd[ord] : (short)-1;
        }
    }
}

/// <summary>The stable value lists the column indexes point into.</summary>
public sealed class PostingColumnKeys
{
    public PostingColumnKeys(CityDirectory cities)
    {
        Cities = cities.Cities.Select(c => c.Code).ToArray();
        CityIndex = Index(Cities);
        CategoryIndex = Index(PostingCategories.All);
        BandIndex = Index(SalaryBands.Labels);
        FunctionIndex = Index(Jobs.Core.Taxonomy.JobFunctions.All.Select(f => f.Code).ToList());
    }

    public IReadOnlyDictionary<string, short> FunctionIndex { get; }

    public IReadOnlyList<string> Cities { get; }

    public IReadOnlyDictionary<string, short> CityIndex { get; }

    public IReadOnlyDictionary<string, short> CategoryIndex { get; }

    public IReadOnlyDictionary<string, short> BandIndex { get; }

    private static Dictionary<string, short> Index(IReadOnlyList<string> values) =>
        values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => (short)x.i, StringComparer.Ordinal);
}
