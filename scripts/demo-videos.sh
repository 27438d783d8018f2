#!/usr/bin/env bash
# Demo media of the Musterstadt site: placeholder videos for the sign-language (DGS) embeds.
#
# We cannot film signers here, so every video is a coloured card with the label
# "Beispielvideo", the DGS mark, its topic and a moving progress mark – clearly a
# placeholder without a signer. For each video the script writes, into content/medien/dgs/:
#   <id>.mp4 (H.264) and <id>.webm (VP9): 640×360, 25 fps, 6 seconds, no sound
#   <id>.jpg: the poster (first second)
#   <id>.de.vtt: German captions
# Transcripts live in data/videos.yml. The files are committed (each well under 300 KB) so
# that `rathaus check`, `make site` and reproducible builds need no encoder; run this script
# only to regenerate them: bash scripts/demo-videos.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/content/medien/dgs"
FONT="${DEMO_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"
SIZE=640x360
RATE=25
SECONDS_LONG=6

command -v ffmpeg >/dev/null || { echo "ffmpeg fehlt: apt-get install ffmpeg" >&2; exit 1; }
[ -f "$FONT" ] || { echo "Schrift $FONT fehlt: apt-get install fonts-dejavu-core" >&2; exit 1; }
mkdir -p "$OUT"

# id | background colour | topic line shown in the video | caption cues (split by ";")
VIDEOS=(
  "bitv-wesentliche-inhalte|0x3d6b8f|Was steht auf dieser Website?|Willkommen auf der Website der Stadt Musterstadt.;Hier finden Sie Ämter, Ansprechpersonen, Termine und Themen von A bis Z.;Dies ist ein Beispielvideo ohne Gebärdensprach-Dolmetscherin."
  "bitv-navigation|0x4f6f3a|So finden Sie sich zurecht|Oben auf jeder Seite ist das Menü und die Suche.;Über „Gebärdensprache“ und „Leichte Sprache“ kommen Sie zu diesen Angeboten.;Dies ist ein Beispielvideo ohne Gebärdensprach-Dolmetscherin."
  "bitv-erklaerung|0x7a4a6b|Erklärung zur Barrierefreiheit|Die Erklärung zur Barrierefreiheit sagt, was auf dieser Website noch nicht barrierefrei ist.;Dort steht auch, wie Sie uns eine Barriere melden.;Dies ist ein Beispielvideo ohne Gebärdensprach-Dolmetscherin."
  "bitv-weitere-angebote|0x8a5a2b|Weitere Angebote|Auf der Seite „Gebärdensprache“ finden Sie alle Videos in Gebärdensprache.;Texte in Leichter Sprache finden Sie unter „Leichte Sprache“.;Dies ist ein Beispielvideo ohne Gebärdensprach-Dolmetscherin."
  "buergerbuero-termin|0x2f6f6f|Termin im Bürgerbüro|So machen Sie einen Termin im Bürgerbüro.;Rufen Sie an oder schreiben Sie eine E-Mail.;Dies ist ein Beispielvideo ohne Gebärdensprach-Dolmetscherin."
)

timestamp() {  # seconds → WebVTT time
  printf '00:00:%02d.000' "$1"
}

for entry in "${VIDEOS[@]}"; do
  IFS='|' read -r id colour topic cues <<<"$entry"
  # drawtext reads its text from files: no escaping of colons or umlauts needed.
  work="$(mktemp -d)"
  printf 'Beispielvideo' >"$work/label.txt"
  printf '%s' "$topic" >"$work/topic.txt"
  printf 'Platzhalter ohne Gebärdensprach-Dolmetscherin' >"$work/note.txt"
  printf 'DGS' >"$work/mark.txt"
  printf '■' >"$work/dot.txt"
  printf 'Deutsche Gebärdensprache' >"$work/marktext.txt"
  filter="drawbox=x=436:y=16:w=188:h=84:color=white@1:t=fill"
  filter+=",drawtext=fontfile=$FONT:textfile=$work/mark.txt:fontsize=34:fontcolor=0x1a1a1a:x=436+(188-text_w)/2:y=26"
  filter+=",drawtext=fontfile=$FONT:textfile=$work/marktext.txt:fontsize=12:fontcolor=0x1a1a1a:x=436+(188-text_w)/2:y=72"
  filter+=",drawtext=fontfile=$FONT:textfile=$work/label.txt:fontsize=54:fontcolor=white:x=(w-text_w)/2:y=130"
  filter+=",drawtext=fontfile=$FONT:textfile=$work/topic.txt:fontsize=26:fontcolor=white:x=(w-text_w)/2:y=205"
  filter+=",drawtext=fontfile=$FONT:textfile=$work/note.txt:fontsize=16:fontcolor=white:x=(w-text_w)/2:y=250"
  filter+=",drawbox=x=40:y=316:w=560:h=12:color=white@1:t=2"
  filter+=",drawtext=fontfile=$FONT:textfile=$work/dot.txt:fontsize=14:fontcolor=white:x=42+t*88:y=315"
  source="color=c=$colour:s=$SIZE:r=$RATE:d=$SECONDS_LONG,format=yuv420p"
  common=(-hide_banner -loglevel error -y -f lavfi -i "$source" -vf "$filter" -an
          -map_metadata -1 -fflags +bitexact -flags:v +bitexact -threads 1)
  ffmpeg "${common[@]}" -c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p \
    -movflags +faststart "$OUT/$id.mp4"
  ffmpeg "${common[@]}" -c:v libvpx-vp9 -b:v 0 -crf 45 -row-mt 0 -pix_fmt yuv420p "$OUT/$id.webm"
  ffmpeg -hide_banner -loglevel error -y -ss 1 -i "$OUT/$id.mp4" -frames:v 1 -q:v 4 \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact "$OUT/$id.jpg"
  {
    printf 'WEBVTT\n\nNOTE Beispielvideo: Platzhalter ohne Gebärdensprach-Dolmetscherin\n'
    IFS=';' read -r -a lines <<<"$cues"
    for i in "${!lines[@]}"; do
      start=$(( i * 2 ))
      printf '\n%s --> %s\n%s\n' "$(timestamp "$start")" "$(timestamp $(( start + 2 )))" "${lines[$i]}"
    done
  } >"$OUT/$id.de.vtt"
  rm -rf "$work"
  echo "$id: $(du -k "$OUT/$id.mp4" | cut -f1) KB MP4, $(du -k "$OUT/$id.webm" | cut -f1) KB WebM"
done
