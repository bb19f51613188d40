using BenchmarkDotNet.Running;
using Jobs.Benchmarks;

// dotnet run -c Release --project benchmarks/Jobs.Benchmarks -- --filter '*Analyzer*' [--job short]
// dotnet run -c Release --project benchmarks/Jobs.Benchmarks -- segmenters [postings]    (issue 17: ICU vs SmartCn)
// dotnet run -c Release --project benchmarks/Jobs.Benchmarks -- highlighters [postings]  (issue 17: ours vs Lucene.Net.Highlighter)
switch (args.FirstOrDefault())
{
    case "segmenters":
        SegmenterComparison.Run(args);
        break;
    case "highlighters":
        HighlighterComparison.Run(args);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
