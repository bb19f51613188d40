using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Jobs.Benchmarks;

/// <summary>Characters per second of one operation that processes <c>totalChars</c> characters.</summary>
internal sealed class CharsPerSecondColumn(Func<long> totalChars) : IColumn
{
    public string Id => nameof(CharsPerSecondColumn);

    public string ColumnName => "Chars/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Characters analysed per second on one thread (corpus size / mean)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNanoseconds is > 0
            ? $"{totalChars() / (meanNanoseconds.Value / 1e9) / 1e6:F2} M"
            : "-";
    }
}
