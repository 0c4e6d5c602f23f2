from iku_xl.cli import main
import sys
sys.exit(main())
