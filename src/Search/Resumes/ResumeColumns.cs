using System.Runtime.CompilerServices;
using Jobs.Search.Postings;
using Lucene.Net.Index;
using R = Jobs.Search.Resumes.ResumeFields;

namespace Jobs.Search.Resumes;

/// <summary>
/// The per-résumé values candidate matching reads for every match, decoded once per segment into plain arrays for the
/// same reason as <see cref="PostingColumns"/>.
/// </summary>
public sealed class ResumeColumns
{
    /// <summary>Preferred cities a résumé keeps in the packed value; the résumé rules allow no more.</summary>
    public const int MaxPackedCities = 7;

    private static readonly ConditionalWeakTable<object, ResumeColumns> Cache = new();

    private ResumeColumns(int maxDoc)
    {
        Id = new long[maxDoc];
        Updated = new long[maxDoc];
        PreferredCities = new long[maxDoc];
        SalaryMin = new int[maxDoc];
        SalaryMax = new int[maxDoc];
        Degree = new byte[maxDoc];
        GraduationYear = new short[maxDoc];
    }

    public long[] Id { get; }

    public long[] Updated { get; }

    /// <summary>Packed by <see cref="PackCities"/>; read back with <see cref="UnpackCities"/>.</summary>
    public long[] PreferredCities { get; }

    /// <summary>Expected monthly CNY; -1 when the graduate gave none.</summary>
    public int[] SalaryMin { get; }

    public int[] SalaryMax { get; }

    /// <summary>The <see cref="Jobs.Core.Common.EducationLevel"/> held.</summary>
    public byte[] Degree { get; }

    public short[] GraduationYear { get; }

    public static ResumeColumns For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Build(reader));

    /// <summary>City indexes + 1, one byte each, first preference lowest; 0 ends the list.</summary>
    public static long PackCities(IReadOnlyList<string> cityCodes, PostingColumnKeys keys)
    {
        long packed = 0;
        var shift = 0;
        foreach (var code in cityCodes)
        {
            if (shift >= MaxPackedCities * 8)
            {
                break;
            }

            if (keys.CityIndex.TryGetValue(code, out var i))
            {
                packed |= (long)(i + 1) << shift;
                shift += 8;
            }
        }

        return packed;
    }

    /// <summary>Writes the city indexes of a packed value into <paramref name="into"/>; returns how many.</summary>
    public static int UnpackCities(long packed, Span<short> into)
    {
        var n = 0;
        while (packed != 0 && n < into.Length)
        {
            into[n++] = (short)((packed & 0xFF) - 1);
            packed >>= 8;
        }

        return n;
    }

    private static ResumeColumns Build(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var c = new ResumeColumns(maxDoc);
        var id = reader.GetNumericDocValues(R.IdValue);
        var updated = reader.GetNumericDocValues(R.UpdatedAt);
        var cities = reader.GetNumericDocValues(R.PreferredCitiesPacked);
        var salaryMin = reader.GetNumericDocValues(R.ExpectedSalaryMin);
        var salaryMax = reader.GetNumericDocValues(R.ExpectedSalaryMax);
        var degree = reader.GetNumericDocValues(R.DegreeValue);
        var year = reader.GetNumericDocValues(R.GraduationYearValue);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            c.Id[doc] = id?.Get(doc) ?? 0;
            c.Updated[doc] = updated?.Get(doc) ?? 0;
            c.PreferredCities[doc] = cities?.Get(doc) ?? 0;
            c.SalaryMin[doc] = (int)(salaryMin?.Get(doc) ?? -1);
            c.SalaryMax[doc] = (int)(salaryMax?.Get(doc) ?? -1);
            c.Degree[doc] = (byte)(degree?.Get(doc) ?? 0);
            c.GraduationYear[doc] = (short)(year?.Get(doc) ?? 0);
        }

        return c;
    }
}
