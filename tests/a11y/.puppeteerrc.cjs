/** Use Debian's chromium (apt-get install chromium); never download a browser (offline CI). */
module.exports = {
  skipDownload: true,
  executablePath: '/usr/bin/chromium',
};
