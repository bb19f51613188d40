namespace Jobs.Core.Statistics;

/// <summary>A figure as readers get it: a value, or withheld because it rests on too few job seekers.</summary>
public readonly record struct Shown(double? Value, bool Withheld)
{
    public static Shown Hidden => new(null, true);

    public static Shown Of(double? value) => new(value, false);
}

/// <summary>
/// Primary and complementary suppression. A cell resting on 1 to k − 1 job seekers is withheld; where the cells of a row or
/// column add up to a total shown elsewhere (seekers by city, the circle's seekers), more cells are withheld, smallest first,
/// until at least two are hidden and together they rest on at least k seekers, so no hidden cell is the difference of shown
/// figures and the hidden pair cannot be told apart.
/// </summary>
public static class KAnonymity
{
    public static bool[] Suppress(IReadOnlyList<int> seekers, int k, bool totalShown)
    {
        var hidden = seekers.Select(s => IsSmall(s, k)).ToArray();
        if (totalShown)
        {
            Complement(hidden, seekers, Enumerable.Range(0, seekers.Count).ToArray(), k);
        }

        return hidden;
    }

    /// <summary>A matrix whose rows and columns both add up to published totals: complements along both until nothing changes.</summary>
    public static bool[,] Suppress(int[,] seekers, int k, bool rowTotalsShown, bool columnTotalsShown)
    {
        int rows = seekers.GetLength(0), columns = seekers.GetLength(1);
        var hidden = new bool[rows, columns];
        var flat = new int[rows * columns];
        var flags = new bool[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                flat[r * columns + c] = seekers[r, c];
                flags[r * columns + c] = IsSmall(seekers[r, c], k);
            }
        }

        bool changed;
        do
        {
            changed = false;
            if (rowTotalsShown)
            {
                for (var r = 0; r < rows; r++)
                {
                    changed |= Complement(flags, flat, Enumerable.Range(0, columns).Select(c => r * columns + c).ToArray(), k);
                }
            }

            if (columnTotalsShown)
            {
                for (var c = 0; c < columns; c++)
                {
                    changed |= Complement(flags, flat, Enumerable.Range(0, rows).Select(r => r * columns + c).ToArray(), k);
                }
            }
        }
        while (changed);

        for (var i = 0; i < flat.Length; i++)
        {
            hidden[i / columns, i % columns] = flags[i];
        }

        return hidden;
    }

    /// <summary>An empty cell (nobody) is shown: there is no one in it to recognise.</summary>
    public static bool IsSmall(int seekers, int k) => seekers > 0 && seekers < k;

    private static bool Complement(bool[] hidden, IReadOnlyList<int> seekers, int[] group, int k)
    {
        var changed = false;
        while (true)
        {
            var hiddenCells = group.Where(i => hidden[i]).ToList();
            if (hiddenCells.Count == 0 || (hiddenCells.Count >= 2 && hiddenCells.Sum(i => seekers[i]) >= k))
            {
                return changed;
            }

            // Hiding an empty cell protects nothing: its zero adds nothing to what the hidden cells are known to sum to.
            var shown = group.Where(i => !hidden[i] && seekers[i] > 0).OrderBy(i => seekers[i]).ThenBy(i => i).ToList();
            if (shown.Count == 0)
            {
                return changed;
            }

            hidden[shown[0]] = true;
            changed = true;
        }
    }
}
