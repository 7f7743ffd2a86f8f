namespace FailingWell.Web.Features.Network;

/// <summary>
/// Kind "note": an approved learning note, as it leaves the member. Nothing else of the note goes:
/// not who drafted or approved it, not the report or response it came from, no day.
/// </summary>
public sealed record NotePublishedMessage(
    Guid NoteId, string Title, string WhatHappened, string WhatWasLearned, string WhatChanged,
    string Category, ReportKind Kind, PhysicalHarm HarmBand, string OrganisationType, string Month);

/// <summary>Kinds "note-useful" and "note-adopted": this organisation found a note useful, or adopted it.</summary>
public sealed record NoteEventMessage(Guid NoteId);

public static class NetworkKinds
{
    public const string Note = "note";
    public const string NoteUseful = "note-useful";
    public const string NoteAdopted = "note-adopted";
}
