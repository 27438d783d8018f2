"""Sign-language videos: probing with ffprobe, checks and German display. No MkDocs."""
