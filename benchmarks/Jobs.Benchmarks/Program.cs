using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Jobs.Benchmarks -- --filter '*Analyzer*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
