using Jobs.Core.Statistics;

namespace Jobs.Tests.Statistics;

public sealed class KAnonymityTests
{
    [Fact]
    public void Suppress_OneSmallCellWithTotal_HidesTheSmallestOtherNonEmptyCell()
    {
        // 3 is below 5; 0 stays (nobody in it); the smallest other non-empty cell, 6, goes with it: 3 + 6 = 9 ≥ 5.
        var hidden = KAnonymity.Suppress([12, 3, 0, 6, 40], 5, totalShown: true);

        Assert.Equal([false, true, false, true, false], hidden);
    }

    [Fact]
    public void Suppress_TwoTinyCells_HidesMoreUntilTheyRestOnFive()
    {
        // 1 + 2 = 3 < 5 although two are hidden (their sum would say who is where): the next smallest, 7, goes too.
        var hidden = KAnonymity.Suppress([1, 2, 7, 30], 5, totalShown: true);

        Assert.Equal([true, true, true, false], hidden);
    }

    [Fact]
    public void Suppress_NoTotal_HidesOnlySmallCells()
    {
        Assert.Equal([false, true, false], KAnonymity.Suppress([9, 4, 0], 5, totalShown: false));
    }

    [Fact]
    public void Suppress_Matrix_ComplementsRowsAndColumnsUntilStable()
    {
        // Row 0 has 2 alone → hide 10 in row 0; column 1 then holds one hidden (10) → hide 8 in column 1; row 1 then holds
        // one hidden (8) → hide 9 in row 1; column 0 holds 2 and 9 hidden (11 ≥ 5): stable.
        int[,] seekers = { { 2, 10 }, { 9, 8 }, { 20, 30 } };
        var hidden = KAnonymity.Suppress(seekers, 5, rowTotalsShown: true, columnTotalsShown: true);

        Assert.Equal(new bool[,] { { true, true }, { true, true }, { false, false } }, hidden);
    }
}
