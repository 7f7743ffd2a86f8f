using FailingWell.Web.Features.Lfpse;
using R4 = Hl7.Fhir.Model;
using static FailingWell.Tests.Lfpse.LfpseEvents;

namespace FailingWell.Tests.Lfpse;

/// <summary>
/// One golden file for each event type FailingWell sends (Lfpse/Golden/*.json): the mapper's output is
/// exactly the file, the file parses back strictly as an R4 AdverseEvent, and the fake LFPSE finds
/// nothing wrong in it. To accept a deliberate change, run with FAILINGWELL_WRITE_GOLDEN=1 and read the diff.
/// </summary>
public sealed class LfpseGoldenFileTests
{
    public static TheoryData<string> Files => new() { "incident", "risk", "good-care" };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_mapper_writes_exactly_the_golden_file(string name)
    {
        var json = LfpseJson.Write(Event(Report(KindOf(name)), Answers(KindOf(name))));
        var path = Path.Combine(SourceFolder(), name + ".json");
        if (Environment.GetEnvironmentVariable("FAILINGWELL_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, json + "\n");
        }

        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), json);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_golden_file_parses_back_strictly_as_an_R4_AdverseEvent_and_passes_the_fake_LFPSEs_checks(string name)
    {
        var json = File.ReadAllText(Path.Combine(SourceFolder(), name + ".json"));
        var adverseEvent = Assert.IsType<R4.AdverseEvent>(LfpseJson.Read(json));
        Assert.Equal(KindOf(name) switch { ReportKind.Concern => "3", ReportKind.GoodPractice => "4", _ => "1" }, adverseEvent.Event!.Coding.Single().Code);
        Assert.Empty(LfpseConformance.Problems(json));
    }

    [Fact]
    public void The_strict_parser_refuses_an_LFPSE_v5_shaped_body_and_unknown_elements()
    {
        var v5 = """{"resourceType":"AdverseEvent","category":"AE","type":{"coding":[{"code":"1"}]},"subject":{"reference":"#patient1"}}""";
        Assert.NotEmpty(LfpseConformance.Problems(v5));
        var json = File.ReadAllText(Path.Combine(SourceFolder(), "incident.json"));
        Assert.NotEmpty(LfpseConformance.Problems(json.Replace("\"actuality\"", "\"description\": \"x\",\n  \"actuality\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_fake_LFPSE_refuses_a_code_outside_its_value_set_and_a_missing_required_sub_extension()
    {
        var json = File.ReadAllText(Path.Combine(SourceFolder(), "incident.json"));
        var adverseEvent = (R4.AdverseEvent)LfpseJson.Read(json);
        var harm = adverseEvent.Contained.OfType<R4.Patient>().Single().Extension.Single().Extension.Single(e => e.Url == "PhysicalHarm");
        harm.Value = new R4.Code("7");
        var metadata = adverseEvent.Extension.Single(e => e.Url == LfpseTaxonomy.Shipped.ExtensionUrl("adverse-event-reference-metadata"));
        metadata.Extension.RemoveAll(e => e.Url == "DataSharingOptOut");
        var problems = LfpseConformance.Problems(LfpseJson.Write(adverseEvent));
        Assert.Contains("patient-information.PhysicalHarm: \"7\" is not in level-of-physical-harm.", problems);
        Assert.Contains("adverse-event-reference-metadata.DataSharingOptOut appears 0 times; LFPSE allows 1..1.", problems);
    }

    private static ReportKind KindOf(string name) => name switch
    {
        "risk" => ReportKind.Concern,
        "good-care" => ReportKind.GoodPractice,
        _ => ReportKind.Incident,
    };

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "Golden");
}
