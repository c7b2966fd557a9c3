using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using LocalGovBlog.Web.Hosting;

namespace LocalGovBlog.UnitTests.Hosting;

/// <summary>The README's settings table names every setting with the default its settings class holds, and nothing else.</summary>
public sealed partial class SettingsTableTests
{
    [Fact]
    public void Readme_ListsEverySettingWithItsDefault()
    {
        var table = ReadmeSettings();

        foreach (var (key, value) in Defaults())
        {
            Assert.True(table.TryGetValue(key, out var documented), $"The README's settings table has no row for {key}.");
            Assert.Equal(value, documented);
        }
    }

    [Fact]
    public void Readme_ListsNoSettingThatDoesNotExist()
    {
        var sections = Settings.Documented.Select(d => d.Section + ":").ToList();
        var known = Defaults().Select(d => d.Key).ToHashSet();

        var stale = ReadmeSettings().Keys.Where(k => sections.Any(s => k.StartsWith(s, StringComparison.Ordinal)) && !known.Contains(k));

        Assert.Empty(stale);
    }

    /// <summary>Section:Property and the default as the README writes it ("none" for no value).</summary>
    private static IEnumerable<(string Key, string Value)> Defaults()
    {
        foreach (var (section, type) in Settings.Documented)
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var isList = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
                if (property.SetMethod is null && !isList)
                {
                    continue; // computed from the others
                }
                var value = property.GetValue(defaults) switch
                {
                    null => "none",
                    IList { Count: 0 } => "none",
                    bool b => b ? "true" : "false",
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString()!,
                };
                yield return ($"{section}:{property.Name}", value);
            }
        }
    }

    private static Dictionary<string, string> ReadmeSettings()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in readme)
        {
            var match = SettingRow().Match(line);
            if (match.Success)
            {
                rows[match.Groups["key"].Value] = match.Groups["value"].Value.Trim().Trim('`');
            }
        }
        return rows;
    }

    [GeneratedRegex(@"^\|\s*`(?<key>[A-Za-z]+(:[A-Za-z]+)+)`\s*\|(?<value>[^|]*)\|")]
    private static partial Regex SettingRow();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LocalGovBlog.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("LocalGovBlog.sln not found above " + AppContext.BaseDirectory);
    }
}
